using System.Text.Json;
using Sextant.Configuration;
using Sextant.Server;
using Sextant.Server.Access;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class ServerSettingsTests
{
    [Fact]
    public void The_settings_shown_over_http_never_carry_a_database_password()
    {
        // Given settings whose store: is a database URL with a password,
        using var store = new StoreFixture();
        store.Ingest("events.csv", "user_id,event,timestamp\nu1,signup,2024-01-01T00:00:00Z\n");
        var config = SextantConfig.Default with { Store = "postgres://analyst:hunter2@127.0.0.1:5432/analytics" };

        // when the server's settings are serialized as GET /api/v1/config answers them,
        var settings = ServerSettings.Of(new ServerOptions(store.StorePath), config, new KeyRing(new ApiKeyStore(store.StorePath)));
        var json = JsonSerializer.Serialize(settings, ServerSettings.JsonOptions);

        // then the URL is there without its password.
        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
        Assert.Equal("postgres://analyst@127.0.0.1:5432/analytics", JsonDocument.Parse(json).RootElement.GetProperty("settings").GetProperty("store").GetString());
    }
}
