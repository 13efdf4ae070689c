using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sextant.Cli;
using Sextant.Server.Access;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class KeysTests
{
    [Fact]
    public async Task Keys_create_prints_the_key_once_and_the_store_holds_only_its_hash()
    {
        // Given a store,
        await using var server = await StoreServer.Generated();
        await server.Stop();

        // when a read key is created with --json,
        var (code, output, error) = server.Cli("keys", "create", "--role", "read", "--name", "dash", "--json");

        // then it prints its name, role and key,
        Assert.True(code == 0, error);
        var created = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["name", "role", "key"], created.EnumerateObject().Select(p => p.Name));
        Assert.Equal("dash", created.GetProperty("name").GetString());
        Assert.Equal("read", created.GetProperty("role").GetString());
        var key = created.GetProperty("key").GetString()!;
        Assert.StartsWith("sxk_", key, StringComparison.Ordinal);
        // the store file holds neither the key nor its secret part,
        var bytes = server.StoreBytes();
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(key)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(key[(key.IndexOf('_', "sxk_".Length) + 1)..])));
        // and the list shows it valid, without its text.
        var list = server.Cli("keys", "list", "--json");
        Assert.Equal(0, list.Code);
        Assert.DoesNotContain(key, list.Out, StringComparison.Ordinal);
        var listed = Assert.Single(JsonDocument.Parse(list.Out).RootElement.EnumerateArray());
        Assert.Equal("dash", listed.GetProperty("name").GetString());
        Assert.True(listed.GetProperty("active").GetBoolean());
        Assert.False(listed.TryGetProperty("key", out _));
    }

    [Fact]
    public async Task Keys_revoke_marks_the_key_revoked_and_a_second_revoke_is_an_error()
    {
        await using var server = await StoreServer.Generated();
        await server.Stop();
        Assert.Equal(0, server.Cli("keys", "create", "--role", "write", "--name", "feed").Code);

        var revoked = server.Cli("keys", "revoke", "feed");
        var again = server.Cli("keys", "revoke", "feed");

        Assert.Equal(0, revoked.Code);
        Assert.False(JsonDocument.Parse(server.Cli("keys", "list", "--json").Out).RootElement[0].GetProperty("active").GetBoolean());
        Assert.Equal(Program.ExitUserError, again.Code);
        Assert.Contains("no valid key named 'feed'", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_key_name_is_a_one_line_error_with_exit_2()
    {
        await using var server = await StoreServer.Generated();
        await server.Stop();
        Assert.Equal(0, server.Cli("keys", "create", "--role", "read", "--name", "twin").Code);

        var (code, output, error) = server.Cli("keys", "create", "--role", "admin", "--name", "twin");

        Assert.Equal(Program.ExitUserError, code);
        Assert.Equal("", output);
        Assert.Contains("a key named 'twin' already exists", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Single(JsonDocument.Parse(server.Cli("keys", "list", "--json").Out).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task A_key_revoked_on_the_command_line_gets_401_within_the_refresh_interval()
    {
        // Given a running server and a valid read key,
        string key = "";
        await using var server = await StoreServer.Generated(keys => key = keys.Create(ApiRole.Read, "laptop").Text);
        using var client = server.Client(key);
        using (var before = await client.GetAsync("/api/v1/funnel?steps=signup,create_page")) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        // when the key is revoked from another process's point of view (the command line on the same store),
        Assert.Equal(0, server.Cli("keys", "revoke", "laptop").Code);
        await Task.Delay(KeyRing.RefreshInterval + TimeSpan.FromMilliseconds(100));

        // then once the refresh interval has passed the server refuses it.
        using var after = await client.GetAsync("/api/v1/funnel?steps=signup,create_page");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task The_key_ring_sees_a_revoke_only_after_its_refresh_interval()
    {
        await using var server = await StoreServer.Generated();
        await server.Stop();
        var store = new ApiKeyStore(server.StorePath);
        var (_, text) = store.Create(ApiRole.Read, "k");
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var ring = new KeyRing(store, clock);
        Assert.NotNull(ring.Find(text));

        store.Revoke("k");
        var stale = ring.Find(text);
        clock.Advance(KeyRing.RefreshInterval);
        var fresh = ring.Find(text);

        Assert.NotNull(stale);
        Assert.Null(fresh);
        Assert.True(ring.Required);
    }

    [Fact]
    public async Task Keys_are_created_listed_and_revoked_over_the_api_and_a_revoked_key_is_refused_at_once()
    {
        // Given a server with an admin key,
        string admin = "";
        await using var server = await StoreServer.Generated(keys => admin = keys.Create(ApiRole.Admin, "boss").Text);
        using var client = server.Client(admin);

        // when the admin creates a read key,
        using var create = await client.PostAsync("/api/v1/keys", JsonContent.Create(new { role = "read", name = "dash" }));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = JsonDocument.Parse(await create.Content.ReadAsStringAsync()).RootElement;
        var key = created.GetProperty("key").GetString()!;

        // then the new key works at once, the list shows both keys without their texts,
        using (var read = await server.Client(key).GetAsync("/api/v1/funnel?steps=signup,create_page")) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var list = await client.GetStringAsync("/api/v1/keys");
        Assert.Equal(["boss", "dash"], JsonDocument.Parse(list).RootElement.EnumerateArray().Select(k => k.GetProperty("name").GetString()));
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.DoesNotContain(admin, list, StringComparison.Ordinal);
        Assert.Equal(server.Cli("keys", "list", "--json").Out.TrimEnd(), list);
        // a second key of the same name is a 400 naming the field,
        using var twin = await client.PostAsync("/api/v1/keys", JsonContent.Create(new { role = "admin", name = "dash" }));
        Assert.Equal(HttpStatusCode.BadRequest, twin.StatusCode);
        Assert.Equal("name", JsonDocument.Parse(await twin.Content.ReadAsStringAsync()).RootElement.GetProperty("field").GetString());
        // and once revoked it is refused on the next request, and a second revoke is 404.
        using (var revoke = await client.DeleteAsync("/api/v1/keys/dash")) Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using (var refused = await server.Client(key).GetAsync("/api/v1/funnel?steps=signup,create_page")) Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using (var again = await client.DeleteAsync("/api/v1/keys/dash")) Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData("""{"name": "x"}""", "role")]
    [InlineData("""{"role": "owner"}""", "role")]
    [InlineData("""{"role": "read", "name": "has space"}""", "name")]
    [InlineData("""{"role": "read", "colour": "red"}""", "colour")]
    [InlineData("""["read"]""", null)]
    public async Task A_bad_key_request_is_a_400_problem(string body, string? field)
    {
        await using var server = await StoreServer.Generated();

        using var response = await server.Client().PostAsync("/api/v1/keys", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.TryGetProperty("field", out var named) ? named.GetString() : null);
        Assert.Empty(new ApiKeyStore(server.StorePath).List());
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
