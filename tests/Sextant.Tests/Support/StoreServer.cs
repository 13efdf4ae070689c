using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sextant.Server;
using Sextant.Server.Access;

namespace Sextant.Tests.Support;

/// <summary>
/// An in-process server over a store of its own: a copy of a small generated store (300 users,
/// generated once per test run), or a store a test builds. A test that creates keys uses one, since
/// once a key exists every call to that store needs one. <see cref="Restart"/> builds a new server
/// on the same store, as a restarted process would.
/// </summary>
public sealed class StoreServer : IAsyncDisposable
{
    private static readonly Lazy<string> Template = new(GenerateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly TempDirectory _directory;
    private readonly int _requestsPerSecond;
    private WebApplication? _app;

    private StoreServer(TempDirectory directory, int requestsPerSecond)
    {
        _directory = directory;
        _requestsPerSecond = requestsPerSecond;
    }

    public string Directory => _directory.Path;

    public string StorePath => _directory.File("sextant.db");

    public WebApplication App => _app ?? throw new InvalidOperationException("the server has not started");

    /// <summary>
    /// A server over a copy of the generated store; <paramref name="keys"/> runs on the store's keys
    /// before the server starts, so the server's first look at them sees what it made.
    /// </summary>
    public static Task<StoreServer> Generated(Action<ApiKeyStore>? keys = null, int requestsPerSecond = 100_000)
    {
        var directory = new TempDirectory();
        foreach (var file in System.IO.Directory.GetFiles(Template.Value))
            File.Copy(file, Path.Combine(directory.Path, Path.GetFileName(file)));
        return Start(directory, keys, requestsPerSecond);
    }

    /// <summary>A server over a store that <paramref name="build"/> writes into an empty directory (given the store path).</summary>
    public static Task<StoreServer> Over(Action<string> build, Action<ApiKeyStore>? keys = null, int requestsPerSecond = 100_000)
    {
        ArgumentNullException.ThrowIfNull(build);
        var directory = new TempDirectory();
        build(directory.File("sextant.db"));
        return Start(directory, keys, requestsPerSecond);
    }

    private static async Task<StoreServer> Start(TempDirectory directory, Action<ApiKeyStore>? keys, int requestsPerSecond)
    {
        var server = new StoreServer(directory, requestsPerSecond);
        keys?.Invoke(new ApiKeyStore(server.StorePath));
        await server.Restart();
        return server;
    }

    /// <summary>Stops the running server, if any, and builds and starts a new one on the same store.</summary>
    public async Task Restart()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = SextantServer.Build(new ServerOptions(StorePath, RequestsPerSecond: _requestsPerSecond), builder => builder.WebHost.UseTestServer());
        await _app.StartAsync();
    }

    /// <summary>Stops the server, releasing the store file.</summary>
    public async Task Stop()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>A client of the test server, sending <paramref name="key"/> as its bearer key when given.</summary>
    public HttpClient Client(string? key = null)
    {
        var client = App.GetTestClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Every endpoint the server maps, with its methods, as routing sees them.</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints() =>
        [.. App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    /// <summary>Runs a sextant command on the server's store (<c>--store</c> is added).</summary>
    public (int Code, string Out, string Error) Cli(params string[] args) => InProcessCli.Run([.. args, "--store", StorePath]);

    /// <summary>The bytes of the store file and its WAL and shared-memory files.</summary>
    public byte[] StoreBytes() =>
        [.. System.IO.Directory.GetFiles(Directory, "sextant.db*").Order(StringComparer.Ordinal).SelectMany(File.ReadAllBytes)];

    public async ValueTask DisposeAsync()
    {
        await Stop();
        _directory.Dispose();
    }

    /// <summary>Generates the demo scenario's <paramref name="users"/> users, signing up from 2025-01-01, into a store (with its sextant.yaml beside it).</summary>
    public static void Generate(string storePath, int users, string to, int seed)
    {
        var (code, _, error) = InProcessCli.Run("generate", "--users", users.ToString(System.Globalization.CultureInfo.InvariantCulture), "--from", "2025-01-01", "--to", to,
            "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--store", storePath);
        if (code != 0) throw new InvalidOperationException("generate failed: " + error);
    }

    private static string GenerateTemplate()
    {
        var path = Path.Combine(Path.GetTempPath(), "sextant-tests", "server-template-" + Environment.ProcessId);
        if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
        System.IO.Directory.CreateDirectory(path);
        Generate(Path.Combine(path, "sextant.db"), users: 300, to: "2025-03-31", seed: 11);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp folder's own cleaning.
            }
        };
        return path;
    }
}
