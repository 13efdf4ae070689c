using System.Net;
using System.Net.Sockets;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class ServeCommandTests
{
    [Fact]
    public void A_port_already_in_use_is_a_one_line_error_not_an_internal_one()
    {
        // Given a store and a port another program listens on,
        using var store = new StoreFixture();
        store.Ingest("events.csv", "user_id,event,timestamp\nu1,signup,2024-01-01T00:00:00Z\n");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        // when the server is asked to listen there,
        var (code, output, error) = InProcessCli.Run("serve", "--store", store.StorePath, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // then it exits 2 with one line naming the address and what to do.
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"sextant: cannot listen on 127.0.0.1:{port}: ", line, StringComparison.Ordinal);
        Assert.EndsWith("choose another --port (0 picks a free one)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bind", "localhost", "--bind 'localhost' is not an IP address")]
    [InlineData("--port", "70000", "--port 70000 is not a TCP port")]
    [InlineData("--rate-limit", "0", "--rate-limit must be 1 or more")]
    public void A_bad_option_is_a_one_line_error(string option, string value, string message)
    {
        using var store = new StoreFixture();
        store.Ingest("events.csv", "user_id,event,timestamp\nu1,signup,2024-01-01T00:00:00Z\n");

        var (code, _, error) = InProcessCli.Run("serve", "--store", store.StorePath, option, value);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
