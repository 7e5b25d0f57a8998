using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Dintero.Emulator.Endpoints;

/// <summary>Connection answers in the shapes of the seed responses.</summary>
internal static class Responses
{
    /// <summary>Common and the providers' signups (Collector, Instabank, PayEx, Swish): meta, events and the stored signup.</summary>
    public static JsonObject WithSignup(JsonObject signup, string now, string createdBy, string signatureLink)
    {
        var connection = Base(now, createdBy, signatureLink);
        connection["signup"] = Stored(signup, now);
        return connection;
    }

    /// <summary>A started Vipps signup: the link where the merchant finishes it, valid for 30 days.</summary>
    public static JsonObject Vipps(DateTimeOffset now, string createdBy, string url)
    {
        var at = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        return new JsonObject
        {
            ["created_at"] = at,
            ["created_by"] = createdBy,
            ["updated_at"] = at,
            ["metadata"] = new JsonObject(),
            ["status"] = "pending",
            ["events"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = Guid.NewGuid().ToString(),
                    ["created_at"] = at,
                    ["created_by"] = createdBy,
                    ["status"] = "pending",
                    ["event"] = "vipps_signup_started",
                    ["description"] = "Awaiting the merchant's signup at Vipps",
                },
            },
            ["signup"] = new JsonObject
            {
                ["created_at"] = at,
                ["id"] = Guid.NewGuid().ToString(),
                ["url"] = url,
                ["expires_at"] = now.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            },
        };
    }

    public static JsonObject Bambora(JsonObject signup, string now, string createdBy, string signatureLink)
    {
        var connection = Base(now, createdBy, signatureLink);
        var merchantNumber = "P" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999);
        connection["configuration"] = new JsonObject
        {
            ["payment_options"] = signup["payment_options"]?.DeepClone(),
            ["merchant_number"] = merchantNumber,
            ["md5_key"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant(),
            ["access_token"] = RandomNumberGenerator.GetInt32(100_000, 999_999),
            ["secret_token"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            ["token_scope"] = "merchant",
        };
        connection["direct_signups"] = new JsonArray();
        connection["signup"] = Stored(signup, now);
        connection["submerchant_signups"] = new JsonArray();
        return connection;
    }

    private static JsonObject Base(string now, string createdBy, string signatureLink) => new()
    {
        ["created_at"] = now,
        ["created_by"] = createdBy,
        ["updated_at"] = now,
        ["metadata"] = new JsonObject(),
        ["status"] = "pending",
        ["events"] = new JsonArray
        {
            new JsonObject
            {
                ["status"] = "pending",
                ["event"] = "signature_required",
                ["id"] = Guid.NewGuid().ToString(),
                ["created_at"] = now,
                ["created_by"] = createdBy,
                ["description"] = "Awaiting signature",
                ["metadata"] = new JsonObject { ["signature_link"] = signatureLink },
            },
        },
        ["schema"] = 1,
    };

    private static JsonObject Stored(JsonObject signup, string now)
    {
        var stored = (JsonObject)signup.DeepClone();
        stored["created_at"] = now;
        return stored;
    }
}
