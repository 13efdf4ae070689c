using System.Diagnostics;
using Sextant.Configuration;

namespace Sextant.Tests.Configuration;

public sealed class ConfigDepthTests
{
    private static string ErrorOf(string yaml) =>
        Assert.Throws<SextantException>(() => ConfigLoader.Parse(yaml, "sextant.yaml")).Message;

    [Theory]
    [InlineData("timezone: ", "[", "]")]
    [InlineData("ingest: ", "{a: ", "}")]
    [InlineData("ingest:\n  map: ", "[", "")]
    public void Given_a_file_nested_50000_levels_deep_when_it_is_read_then_it_is_refused_quickly_naming_the_limit(string prefix, string open, string close)
    {
        var yaml = prefix + string.Concat(Enumerable.Repeat(open, 50_000)) + "1" + string.Concat(Enumerable.Repeat(close, 50_000)) + "\n";
        var clock = Stopwatch.StartNew();

        var message = ErrorOf(yaml);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.StartsWith("sextant.yaml line ", message, StringComparison.Ordinal);
        Assert.EndsWith("mappings and lists are nested more than 64 levels deep; a configuration file needs only a few", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_nesting_of_exactly_64_levels_when_it_is_read_then_the_depth_is_not_what_is_reported()
    {
        // The top-level mapping is level 1, so 63 nested lists make 64 levels.
        var yaml = "store: " + new string('[', 63) + new string(']', 63) + "\n";

        var message = ErrorOf(yaml);

        Assert.Equal("sextant.yaml line 1: 'store' expects a non-empty string, got a list", message);
    }
}
