using System.Text.Json;
using System.Text.Json.Serialization;
using Sextant.Configuration;
using Sextant.Serialization;
using Sextant.Server.Access;
using Sextant.Storage.Warehouse;

namespace Sextant.Server;

/// <summary>
/// The effective settings <c>GET /api/v1/config</c> answers: how the server runs and the project's
/// sextant.yaml with every default filled in. Nothing secret is in them: keys live only hashed in
/// the store, the pseudonymisation key only in the environment, and a store URL is shown redacted.
/// </summary>
/// <param name="Store">The store served (a URL without its password).</param>
/// <param name="ConfigFile">The sextant.yaml read, or null when the defaults apply.</param>
/// <param name="Bind">The address listened on.</param>
/// <param name="Port">The port asked for (0: a free one).</param>
/// <param name="RequestsPerSecond">Each key's sustained rate before 429.</param>
/// <param name="KeysRequired">True once a key exists: every API call needs one.</param>
/// <param name="KeyRefreshSeconds">How stale the server's copy of the keys may be.</param>
/// <param name="MaxEventBodyBytes">The largest <c>POST /api/v1/events</c> body.</param>
/// <param name="MaxEventsPerRequest">The most events in one request.</param>
/// <param name="Settings">sextant.yaml as read, defaults filled in.</param>
public sealed record ServerSettings(string Store, string? ConfigFile, string Bind, int Port, int RequestsPerSecond, bool KeysRequired,
    double KeyRefreshSeconds, int MaxEventBodyBytes, int MaxEventsPerRequest, SextantConfig Settings)
{
    /// <summary>The JSON contract's options, with time zones written as their names.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    /// <summary>The settings of a server built with <paramref name="options"/>.</summary>
    public static ServerSettings Of(ServerOptions options, SextantConfig config, KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keys);
        return new ServerSettings(StoreUrl.Parse(options.StorePath).Redacted, options.ConfigPath ?? SextantServer.Beside(options.StorePath),
            options.Address.ToString(), options.Port, options.RequestsPerSecond, keys.Required, KeyRing.RefreshInterval.TotalSeconds,
            EventEndpointsLimits.MaxBodyBytes, EventEndpointsLimits.MaxEvents,
            // store: may be a database URL with a password in it.
            config with { Store = StoreUrl.Parse(config.Store).Redacted });
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ResultJson.Options);
        options.Converters.Add(new TimeZoneName());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class TimeZoneName : JsonConverter<TimeZoneInfo>
    {
        public override TimeZoneInfo Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TimeZoneInfo.FindSystemTimeZoneById(reader.GetString() ?? "UTC");

        public override void Write(Utf8JsonWriter writer, TimeZoneInfo value, JsonSerializerOptions options) => writer.WriteStringValue(value.Id);
    }
}
