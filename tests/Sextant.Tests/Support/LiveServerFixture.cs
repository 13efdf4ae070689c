using Microsoft.AspNetCore.Builder;
using Sextant.Server;

namespace Sextant.Tests.Support;

/// <summary>
/// The generated 2,000-user store of <see cref="ServerFixture"/> served by a real Kestrel on a free
/// loopback port, for a browser to open. <see cref="BaseAddress"/> is <c>http://127.0.0.1:PORT/</c>.
/// </summary>
public class LiveServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private WebApplication? _app;

    public string StorePath => _directory.File("sextant.db");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A key made before the server starts, or null when the server is open.</summary>
    public string? Key { get; private set; }

    /// <summary>True to create a read key before the server starts.</summary>
    protected virtual bool WithKey => false;

    public async Task InitializeAsync()
    {
        ServerFixture.Generate(StorePath);
        if (WithKey)
        {
            var (keyCode, output, keyError) = InProcessCli.Run("keys", "create", "--role", "read", "--name", "browser", "--json", "--store", StorePath);
            if (keyCode != 0) throw new InvalidOperationException("keys create failed: " + keyError);
            Key = System.Text.Json.JsonDocument.Parse(output).RootElement.GetProperty("key").GetString();
        }
        _app = SextantServer.Build(new ServerOptions(StorePath, Port: 0));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single().Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    /// <summary>A client of the server, sending the fixture's key when it has one.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (Key is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _directory.Dispose();
    }
}

/// <summary>The live server with a read key created before it starts: every API call needs the key.</summary>
public sealed class KeyedLiveServerFixture : LiveServerFixture
{
    protected override bool WithKey => true;
}
