using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Sextant.Server;

namespace Sextant.Tests.Support;

/// <summary>
/// A generated scenario store (2,000 users, with the scenario's sextant.yaml beside it) served in
/// process on ASP.NET Core's test server: the whole pipeline — routing, the access gate, the
/// endpoints — without a socket. <see cref="Cli"/> runs the command line on the same store, so
/// a test can compare an endpoint's body with the CLI's <c>--json</c>.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private WebApplication? _app;

    public string StorePath => _directory.File("sextant.db");

    public WebApplication App => _app ?? throw new InvalidOperationException("the server has not started");

    public async Task InitializeAsync()
    {
        var (code, _, error) = InProcessCli.Run("generate", "--users", "2000", "--from", "2025-01-01", "--to", "2025-06-30", "--seed", "7", "--store", StorePath);
        if (code != 0) throw new InvalidOperationException("generate failed: " + error);
        _app = SextantServer.Build(new ServerOptions(StorePath), builder => builder.WebHost.UseTestServer());
        await _app.StartAsync();
    }

    /// <summary>A client of the test server, sending <paramref name="key"/> as its bearer key when given.</summary>
    public HttpClient Client(string? key = null)
    {
        var client = App.GetTestClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Runs a sextant command on the fixture's store (<c>--store</c> is added).</summary>
    public (int Code, string Out, string Error) Cli(params string[] args) => InProcessCli.Run([.. args, "--store", StorePath]);

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _directory.Dispose();
    }
}
