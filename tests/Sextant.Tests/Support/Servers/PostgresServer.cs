using System.Diagnostics;
using Npgsql;
using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Support.Servers;

/// <summary>
/// A throw-away PostgreSQL 15 server for the tests in the <see cref="PostgresCollection"/>: a
/// fresh data directory under /tmp, listening on a free port of 127.0.0.1 only (trust login there
/// and on its unix socket in the same directory), with durability off since nothing must outlive
/// the run. Disposing kills it and deletes the directory. <c>tests/install-databases.sh</c> installs PostgreSQL.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    /// <summary>Where Debian's postgresql-15 puts its programs.</summary>
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>The superuser the tests connect as.</summary>
    public const string User = "postgres";

    private readonly string _directory;
    private readonly ServerProcess _process;
    private int _databases;

    public PostgresServer()
    {
        if (!File.Exists(Path.Combine(BinDirectory, "postgres")))
            throw new InvalidOperationException($"The PostgreSQL tests need {BinDirectory}/postgres, which is missing. Run tests/install-databases.sh as root (test.sh does).");

        var clock = Stopwatch.StartNew();
        _directory = Path.Combine(Path.GetTempPath(), $"sextant-postgres-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        var data = Path.Combine(_directory, "data");
        // initdb refuses to run as root: then the server runs as the postgres user, owning its directory.
        var asRoot = Environment.UserName == "root";
        if (asRoot) ServerProcess.Run("chown", "postgres:postgres", _directory);
        AsServerUser(asRoot, "initdb", "-D", data, "-U", User, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        File.WriteAllText(Path.Combine(data, "pg_hba.conf"), """
            local all all trust
            host all all 127.0.0.1/32 trust
            """);
        if (asRoot) ServerProcess.Run("chown", "postgres:postgres", Path.Combine(data, "pg_hba.conf"));

        Port = ServerProcess.FreePort();
        string[] server =
        [
            Path.Combine(BinDirectory, "postgres"), "-D", data, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", $"unix_socket_directories={_directory}",
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=50", "-c", "shared_buffers=128MB",
        ];
        _process = asRoot
            ? ServerProcess.Start("postgres", "runuser", ["-u", "postgres", "--", .. server], _directory)
            : ServerProcess.Start("postgres", server[0], server[1..], _directory);
        try
        {
            _process.WaitUntil(CanLogIn, TimeSpan.FromSeconds(60));
            Execute("postgres", "CREATE DATABASE sextant");
        }
        catch
        {
            Dispose();
            throw;
        }
        StartupTime = clock.Elapsed;
    }

    /// <summary>The port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>How long creating and starting the server took.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>The store URL of the shared <c>sextant</c> database (tests sharing it use their own table names).</summary>
    public StoreUrl Url => UrlOf("sextant");

    /// <summary>The store URL of a database on this server.</summary>
    public StoreUrl UrlOf(string database) => StoreUrl.Parse($"postgres://{User}@127.0.0.1:{Port}/{database}", _ => null);

    /// <summary>Creates a new empty database for a test that needs a store of its own, and returns its URL.</summary>
    public StoreUrl CreateDatabase()
    {
        var name = $"sextant_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30];
        Execute("postgres", $"CREATE DATABASE {name}");
        return UrlOf(name);
    }

    public void Dispose()
    {
        _process?.Dispose();
        try
        {
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed server's last file may linger a moment; /tmp is cleaned eventually.
        }
    }

    private void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString(database));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private bool CanLogIn()
    {
        try
        {
            Execute("postgres", "SELECT 1");
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Database={database};Pooling=false;Timeout=5";

    private static void AsServerUser(bool asRoot, string program, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory, program);
        if (asRoot) ServerProcess.Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        else ServerProcess.Run(path, arguments);
    }
}

/// <summary>The tests that share one <see cref="PostgresServer"/>, started once per test run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
