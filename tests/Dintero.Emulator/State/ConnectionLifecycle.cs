using System.Text.Json.Nodes;

namespace Dintero.Emulator.State;

/// <summary>
/// How a connection's status moves: Dintero appends an event whenever the status changes. Moved on request
/// (/_emulator/accounts/{aid}/connections/{kind}/status), or to enabled a while after the signup
/// (<see cref="EmulatorOptions.EnableAfter"/>), as if the merchant had signed.
/// </summary>
public static class ConnectionLifecycle
{
    public static readonly string[] Statuses = { "pending", "enabled", "failed", "declined" };

    /// <summary>Sets the status and appends the event that says so; an enabled Vipps connection gets its configuration. Call under the account's gate.</summary>
    public static void Move(string kind, JsonObject connection, string status, string? eventName, string? description, DateTimeOffset now)
    {
        if (kind == "vipps" && status == "enabled" && connection["configuration"] == null)
        {
            // Vipps's API credentials, as the merchant's finished signup gives them: secrets the module must never print.
            connection["configuration"] = new JsonObject
            {
                ["payment_options"] = new JsonArray { new JsonObject { ["type"] = "vipps", ["currencies"] = new JsonArray("NOK") } },
                ["merchant_name"] = "Emulated Merchant AS",
                ["merchant_serial_number"] = "123456",
                ["client_id"] = Guid.NewGuid().ToString(),
                ["subscription_keys"] = new JsonArray { new JsonObject { ["product"] = "ecommerce", ["ocp_apim_subscription_key"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)) } },
            };
        }
        var at = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        connection["status"] = status;
        connection["updated_at"] = at;
        if (connection["events"] is not JsonArray events) connection["events"] = events = new JsonArray();
        events.Add(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["created_at"] = at,
            ["created_by"] = "emulator",
            ["status"] = status,
            ["event"] = eventName ?? (status == "enabled" ? "enabled" : status),
            ["description"] = description ?? $"The connection is {status}",
        });
    }

    /// <summary>Turns the account's pending connections enabled once <see cref="EmulatorOptions.EnableAfter"/> has passed.</summary>
    public static void Advance(AccountStore.Account account, EmulatorOptions options)
    {
        if (options.EnableAfter is not { } after) return;
        var now = options.Clock.GetUtcNow();
        lock (account.Gate)
        {
            foreach (var (kind, connection) in account.Connections)
            {
                if (connection["status"]?.GetValue<string>() != "pending") continue;
                if (!DateTimeOffset.TryParse(connection["created_at"]?.GetValue<string>(), out var created) || now < created + after) continue;
                Move(kind, connection, "enabled", "enabled", "The merchant signed; the connection is enabled", now);
            }
        }
    }
}
