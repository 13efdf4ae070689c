using System.Net;
using Sextant.Server;
using Sextant.Server.Access;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

public sealed class BindingTests
{
    [Fact]
    public async Task Binding_beyond_loopback_needs_a_key_to_exist()
    {
        // Given a store without keys,
        await using var server = await StoreServer.Generated();
        await server.Stop();
        var everywhere = new ServerOptions(server.StorePath, Bind: IPAddress.Any, Port: 0);

        // then a server on every address is refused with a one-line message,
        var error = Assert.Throws<SextantException>(() => SextantServer.Build(everywhere));
        Assert.Contains("create a key first", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);

        // and once a key exists it builds.
        new ApiKeyStore(server.StorePath).Create(ApiRole.Admin, "boss");
        await using var app = SextantServer.Build(everywhere);
        Assert.NotNull(app);
    }
}
