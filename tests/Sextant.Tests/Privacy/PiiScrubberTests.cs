using FsCheck;
using FsCheck.Fluent;
using Sextant.Privacy;

namespace Sextant.Tests.Privacy;

public sealed class PiiScrubberTests
{
    private static string Scrub(string json, out PiiCounts counts, params string[] allow)
    {
        counts = default;
        return new PiiScrubber(allow).Scrub(json, ref counts);
    }

    [Theory]
    [InlineData("""{"email":"Bob.Smith+news@example.co.uk"}""", """{"email":"[email]"}""")]
    [InlineData("""{"note":"write to bob@example.com today"}""", """{"note":"write to [email] today"}""")]
    [InlineData("""{"ip":"192.168.0.255"}""", """{"ip":"[ip]"}""")]
    [InlineData("""{"ip":"2001:db8::8a2e:370:7334"}""", """{"ip":"[ip]"}""")]
    [InlineData("""{"ip":"::1"}""", """{"ip":"[ip]"}""")]
    [InlineData("""{"ip":"::ffff:10.0.0.1"}""", """{"ip":"[ip]"}""")]
    [InlineData("""{"ip":"from 10.0.0.1, 10.0.0.2"}""", """{"ip":"from [ip], [ip]"}""")]
    [InlineData("""{"tel":"+49 151 2345 6789"}""", """{"tel":"[phone]"}""")]
    [InlineData("""{"tel":"+1 (555) 123-4567"}""", """{"tel":"[phone]"}""")]
    [InlineData("""{"tel":"(555) 123-4567"}""", """{"tel":"[phone]"}""")]
    [InlineData("""{"tel":"555.123.4567"}""", """{"tel":"[phone]"}""")]
    public void Personal_values_are_replaced(string json, string expected) =>
        Assert.Equal(expected, Scrub(json, out _));

    [Theory]
    [InlineData("""{"version":"1.2.3"}""")]
    [InlineData("""{"version":"1.2.3.4.5"}""")]
    [InlineData("""{"version":"10.0.19045.3803"}""")]
    [InlineData("""{"octets":"256.1.1.1"}""")]
    [InlineData("""{"zero_padded":"01.02.03.04"}""")]
    [InlineData("""{"date":"2026-03-01"}""")]
    [InlineData("""{"at":"2026-03-01T12:30:45Z"}""")]
    [InlineData("""{"at":"2026-03-01 12:30:45"}""")]
    [InlineData("""{"time":"12:30:45"}""")]
    [InlineData("""{"mac":"00:1a:2b:3c:4d:5e"}""")]
    [InlineData("""{"order":"12345678"}""")]
    [InlineData("""{"change":"+5.0%"}""")]
    [InlineData("""{"short":"+1 55"}""")]
    [InlineData("""{"handle":"@bob"}""")]
    [InlineData("""{"no_tld":"bob@localhost"}""")]
    [InlineData("""{"number":4915123456789,"flag":true}""")]
    public void Lookalikes_are_left_alone(string json) =>
        Assert.Same(json, Scrub(json, out _));

    [Fact]
    public void Values_are_scrubbed_at_any_depth_and_in_arrays_and_counted_by_kind()
    {
        var scrubbed = Scrub("""{"a":{"b":["x@y.io",{"c":"10.0.0.1"}]},"d":"call +44 20 7946 0958 or 555-123-4567","n":1}""", out var counts);

        Assert.Equal("""{"a":{"b":["[email]",{"c":"[ip]"}]},"d":"call [phone] or [phone]","n":1}""", scrubbed);
        Assert.Equal(new PiiCounts(1, 1, 2), counts);
    }

    [Fact]
    public void Allowed_keys_keep_their_values_by_name_at_any_depth_or_by_dotted_path()
    {
        const string Json = """{"server_ip":"10.0.0.1","device":{"ip":"10.0.0.2","owner":"a@b.io"},"ip":"10.0.0.3"}""";

        Assert.Equal("""{"server_ip":"10.0.0.1","device":{"ip":"[ip]","owner":"[email]"},"ip":"[ip]"}""", Scrub(Json, out _, "server_ip"));
        Assert.Equal("""{"server_ip":"[ip]","device":{"ip":"10.0.0.2","owner":"[email]"},"ip":"[ip]"}""", Scrub(Json, out _, "device.ip"));
        Assert.Equal("""{"server_ip":"[ip]","device":{"ip":"10.0.0.2","owner":"a@b.io"},"ip":"[ip]"}""", Scrub(Json, out _, "device"));
    }

    [Fact]
    public void Unicode_text_beside_a_scrubbed_value_is_written_unescaped() =>
        Assert.Equal("""{"note":"grüße [email]"}""", Scrub("""{"note":"grüße a@b.io"}""", out _));

    // Strings of the characters the patterns look at, so the properties exercise near-misses.
    private static Arbitrary<string> Texts(string alphabet) =>
        Gen.Elements(alphabet.ToCharArray()).ArrayOf().Select(chars => new string(chars)).ToArbitrary();

    private const string Alphabet = "0123456789.:-+() abfx@_";

    [Fact]
    public void Strings_without_an_at_sign_never_count_an_email() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Texts(Alphabet.Replace("@", "", StringComparison.Ordinal)), text =>
        {
            var counts = default(PiiCounts);
            var scrubbed = PiiPatterns.Scrub(text, ref counts);
            return counts.Emails == 0 && !scrubbed.Contains("[email]", StringComparison.Ordinal);
        }));

    [Fact]
    public void Strings_without_digits_never_change() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Texts(".:-+() abfx_ä"), text =>
        {
            var counts = default(PiiCounts);
            return ReferenceEquals(PiiPatterns.Scrub(text, ref counts), text) && counts.Total == 0;
        }));

    [Fact]
    public void Scrubbing_twice_changes_nothing_more() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Texts(Alphabet), text =>
        {
            var counts = default(PiiCounts);
            var once = PiiPatterns.Scrub(text, ref counts);
            var again = default(PiiCounts);
            return PiiPatterns.Scrub(once, ref again) == once && again.Total == 0;
        }));

    [Fact]
    public void Dotted_numbers_with_an_octet_above_255_are_never_addresses() =>
        Check.One(Config.QuickThrowOnFailure, Prop.ForAll(Gen.Choose(256, 999).ToArbitrary(), Gen.Choose(0, 255).ToArbitrary(), (high, low) =>
        {
            var counts = default(PiiCounts);
            var text = $"{low}.{high}.{low}.{low}";
            return ReferenceEquals(PiiPatterns.Scrub(text, ref counts), text);
        }));
}
