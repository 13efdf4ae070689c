using System.Text;
using Sextant.Privacy;

namespace Sextant.Tests.Privacy;

public sealed class PseudonymiserTests
{
    // Expected values computed independently with Python:
    // 'p-' + hmac.new(b'0123456789abcdef0123456789abcdef', id.encode(), hashlib.sha256).hexdigest()[:32]
    internal const string Key = "0123456789abcdef0123456789abcdef";
    internal const string Alice = "p-433deb45467e4e53dbaba594c88bc3a2";
    internal const string Anon1 = "p-9347fc6d6d6732cc983ad9686dc201a4";
    internal const string Bob = "p-643cdfc83364b72c5248ec2d45e7cd58";

    internal static Pseudonymiser Create() => new(Encoding.UTF8.GetBytes(Key));

    [Theory]
    [InlineData("alice", Alice)]
    [InlineData("anon-1", Anon1)]
    [InlineData("bob", Bob)]
    [InlineData("ünï", "p-868d0173d6b185d899571eb59d25d6cc")]
    public void Pseudonym_is_the_keyed_hmac_of_the_utf8_id(string id, string expected) =>
        Assert.Equal(expected, Create().Of(id));

    [Fact]
    public void Null_stays_null() => Assert.Null(Create().Of(null));

    [Fact]
    public void Another_key_gives_another_pseudonym() =>
        Assert.NotEqual(Alice, new Pseudonymiser(Encoding.UTF8.GetBytes(Key.ToUpperInvariant())).Of("alice"));

    [Fact]
    public void A_short_key_is_refused_with_its_length()
    {
        var error = Assert.Throws<SextantException>(() => new Pseudonymiser(new byte[31]));
        Assert.Equal("SEXTANT_PSEUDONYM_KEY is 31 bytes long; expected at least 32 (e.g. the output of 'openssl rand -hex 32')", error.Message);
    }

    [Fact]
    public void A_missing_key_is_one_line_naming_the_variable()
    {
        var error = Assert.Throws<SextantException>(() => Pseudonymiser.FromEnvironment(_ => null));
        Assert.StartsWith("pseudonymisation needs a key: set SEXTANT_PSEUDONYM_KEY", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_key_is_read_from_the_environment_variable() =>
        Assert.Equal(Alice, Pseudonymiser.FromEnvironment(name => name == "SEXTANT_PSEUDONYM_KEY" ? Key : null).Of("alice"));
}
