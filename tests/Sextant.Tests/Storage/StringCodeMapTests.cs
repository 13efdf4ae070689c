using Sextant.Storage;

namespace Sextant.Tests.Storage;

public sealed class StringCodeMapTests
{
    [Fact]
    public void Codes_survive_growth_and_equal_strings_of_other_instances_are_found()
    {
        var map = new StringCodeMap();
        for (var i = 1; i <= 10_000; i++) map.Add("user-" + i, i);

        for (var i = 1; i <= 10_000; i++)
        {
            Assert.True(map.TryGetValue(string.Concat("user-", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), out var code));
            Assert.Equal(i, code);
        }
        Assert.False(map.TryGetValue("user-0", out _));
        Assert.Equal(10_000, map.Count);
    }

    [Fact]
    public void Truncating_forgets_the_newest_codes_only()
    {
        var map = new StringCodeMap();
        map.Add("a", 1);
        map.Add("b", 2);
        map.Add("c", 3);

        map.TruncateTo(1);

        Assert.True(map.TryGetValue("a", out var a));
        Assert.Equal(1, a);
        Assert.False(map.TryGetValue("b", out _));
        Assert.False(map.TryGetValue("c", out _));
        map.Add("c", 2);
        Assert.True(map.TryGetValue("c", out var c));
        Assert.Equal(2, c);
    }

    [Fact]
    public void The_empty_string_is_a_key_like_any_other()
    {
        var map = new StringCodeMap();
        map.Add("", 1);

        Assert.True(map.TryGetValue("", out var code));
        Assert.Equal(1, code);
    }
}
