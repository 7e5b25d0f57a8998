using System;

namespace Dintero.Connections.Models
{
    /// <summary>
    /// Marks a property the module adds to Dintero's object (such as <c>account_id</c>, which is in the URL, or
    /// <c>signature_link</c>, read from the events): never read from or written to Dintero's JSON, and never an
    /// input field. The serializer and the input binder both skip what carries it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = true)]
    public sealed class LocalFieldAttribute : Attribute
    {
        /// <summary>Whether <paramref name="member"/> is one the module adds: the one rule the serializer and the binder ask.</summary>
        public static bool IsOn(System.Reflection.ICustomAttributeProvider? member) => member != null && member.IsDefined(typeof(LocalFieldAttribute), inherit: true);
    }
}
