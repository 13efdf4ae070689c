using System.Globalization;

namespace Sextant.Tests.Support.Servers;

/// <summary>
/// One throw-away clickhouse-server: a generated config in its own directory under /tmp, HTTP
/// and native TCP on free ports of 127.0.0.1 only, optionally the <c>remote_servers</c> of a
/// cluster. Disposing kills it and deletes the directory. <c>tests/install-databases.sh</c> installs ClickHouse.
/// </summary>
public sealed class ClickHouseInstance : IDisposable
{
    /// <summary>A user with a password, for the tests of logging in.</summary>
    public const string PasswordUser = "sextant";

    /// <summary><see cref="PasswordUser"/>'s password.</summary>
    public const string Password = "p@ss:w/rd";

    private readonly string _directory;
    private readonly ServerProcess _process;

    private ClickHouseInstance(string directory, int httpPort, int tcpPort, ServerProcess process)
    {
        _directory = directory;
        HttpPort = httpPort;
        TcpPort = tcpPort;
        _process = process;
    }

    /// <summary>The HTTP interface's port on 127.0.0.1.</summary>
    public int HttpPort { get; }

    /// <summary>The native protocol's port on 127.0.0.1 (what a cluster's shards are addressed by).</summary>
    public int TcpPort { get; }

    /// <summary>Ports for a server to be started with <see cref="Start"/>, chosen before any starts so a cluster's config can name them all.</summary>
    public static (int Http, int Tcp) ChoosePorts()
    {
        var http = ServerProcess.FreePort();
        int tcp;
        do tcp = ServerProcess.FreePort(); while (tcp == http);
        return (http, tcp);
    }

    /// <summary>Starts a server on the given ports with the given <c>remote_servers</c> content, and waits until it answers.</summary>
    public static ClickHouseInstance Start(string name, (int Http, int Tcp) ports, string remoteServers)
    {
        var program = new[] { "/usr/bin/clickhouse-server", "/usr/sbin/clickhouse-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("The ClickHouse tests need clickhouse-server, which is missing. Run tests/install-databases.sh as root (test.sh does).");
        var directory = Path.Combine(Path.GetTempPath(), $"sextant-clickhouse-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "config.xml"), Config(directory, ports.Http, ports.Tcp, remoteServers));
        File.WriteAllText(Path.Combine(directory, "users.xml"), Users);
        var process = ServerProcess.Start($"clickhouse-server {name}", program, [$"--config-file={Path.Combine(directory, "config.xml")}"], directory);
        var instance = new ClickHouseInstance(directory, ports.Http, ports.Tcp, process);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            process.WaitUntil(() => Pings(client, ports.Http), TimeSpan.FromSeconds(90));
            return instance;
        }
        catch
        {
            instance.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _process.Dispose();
        try
        {
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed server's last file may linger a moment; /tmp is cleaned eventually.
        }
    }

    private static bool Pings(HttpClient client, int port)
    {
        try
        {
            return client.GetStringAsync(new Uri($"http://127.0.0.1:{port}/ping")).GetAwaiter().GetResult().StartsWith("Ok", StringComparison.Ordinal);
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    // No interserver port and no ZooKeeper: a cluster's DDL runs per shard. Logs go to the console we read.
    private static string Config(string directory, int http, int tcp, string remoteServers) => string.Create(CultureInfo.InvariantCulture, $"""
        <?xml version="1.0"?>
        <yandex>
            <logger><level>warning</level><console>true</console></logger>
            <http_port>{http}</http_port>
            <tcp_port>{tcp}</tcp_port>
            <listen_host>127.0.0.1</listen_host>
            <path>{directory}/data/</path>
            <tmp_path>{directory}/tmp/</tmp_path>
            <user_files_path>{directory}/user_files/</user_files_path>
            <format_schema_path>{directory}/format_schemas/</format_schema_path>
            <users_config>{directory}/users.xml</users_config>
            <default_profile>default</default_profile>
            <default_database>default</default_database>
            <timezone>UTC</timezone>
            <mark_cache_size>268435456</mark_cache_size>
            <uncompressed_cache_size>268435456</uncompressed_cache_size>
            <remote_servers>{remoteServers}</remote_servers>
        </yandex>
        """);

    private const string Users = $"""
        <?xml version="1.0"?>
        <yandex>
            <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
            <users>
                <default>
                    <password></password>
                    <networks><ip>127.0.0.1</ip></networks>
                    <profile>default</profile>
                    <quota>default</quota>
                </default>
                <{PasswordUser}>
                    <password>{Password}</password>
                    <networks><ip>127.0.0.1</ip></networks>
                    <profile>default</profile>
                    <quota>default</quota>
                </{PasswordUser}>
            </users>
            <quotas><default></default></quotas>
        </yandex>
        """;
}
