using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization.Metadata;
using Dintero.Connections.Models;

namespace Dintero.Connections.Json
{
    /// <summary>
    /// Wires every <see cref="DinteroModel"/>'s hidden store of unknown fields in as extension data.
    /// Done by contract customization rather than attributes, so the models carry no System.Text.Json types.
    /// </summary>
    internal static class ModelContract
    {
        private const string ExtensionDataName = "__additional_properties";

        public static void AddExtensionData(JsonTypeInfo typeInfo)
        {
            if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeof(DinteroModel).IsAssignableFrom(typeInfo.Type))
            {
                return;
            }

            // Fields the module adds (account_id from the URL, signature_link from the events) are not Dintero's.
            foreach (var local in typeInfo.Properties.Where(property => LocalFieldAttribute.IsOn(property.AttributeProvider)).ToList())
            {
                typeInfo.Properties.Remove(local);
            }

            var store = typeInfo.CreateJsonPropertyInfo(typeof(Dictionary<string, object?>), ExtensionDataName);
            store.Get = model => ((DinteroModel)model).AdditionalPropertyStore;
            store.Set = (model, value) => ((DinteroModel)model).AdditionalPropertyStore = (Dictionary<string, object?>?)value;
            store.IsExtensionData = true;
            typeInfo.Properties.Add(store);
        }
    }
}
