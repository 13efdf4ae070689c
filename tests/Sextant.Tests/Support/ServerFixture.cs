using Microsoft.AspNetCore.Builder;

namespace Sextant.Tests.Support;

/// <summary>
/// A generated scenario store (2,000 users, with the scenario's sextant.yaml beside it) served in
/// process on ASP.NET Core's test server (<see cref="StoreServer"/>): the whole pipeline — routing,
/// the access gate, the endpoints — without a socket, shared by a test class. <see cref="Cli"/> runs
/// the command line on the same store, so a test can compare an endpoint's body with the CLI's <c>--json</c>.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private StoreServer? _server;

    private StoreServer Server => _server ?? throw new InvalidOperationException("the server has not started");

    public string StorePath => Server.StorePath;

    public WebApplication App => Server.App;

    /// <summary>Writes the fixture's scenario store (2,000 users over the first half of 2025, seed 7).</summary>
    public static void Generate(string storePath) => StoreServer.Generate(storePath, users: 2000, to: "2025-06-30", seed: 7);

    public async Task InitializeAsync() => _server = await StoreServer.Over(Generate);

    /// <summary>A client of the test server, sending <paramref name="key"/> as its bearer key when given.</summary>
    public HttpClient Client(string? key = null) => Server.Client(key);

    /// <summary>Runs a sextant command on the fixture's store (<c>--store</c> is added).</summary>
    public (int Code, string Out, string Error) Cli(params string[] args) => Server.Cli(args);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
