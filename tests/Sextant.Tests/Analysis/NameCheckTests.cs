using Sextant.Analysis;

namespace Sextant.Tests.Analysis;

/// <summary>Suggestions for unknown names: edit distance, nearest first.</summary>
public sealed class NameCheckTests
{
    [Theory]
    [InlineData("create_pag", "create_page", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Distance_is_the_levenshtein_distance(string a, string b, int expected) =>
        Assert.Equal(expected, NameCheck.Distance(a, b));

    [Fact]
    public void Closest_names_come_nearest_first_and_far_names_are_left_out()
    {
        var names = new[] { "create_page", "edit_page", "share_page", "upgrade" };

        Assert.Equal(["edit_page"], NameCheck.Closest("edt_page", names));
        Assert.Equal(["edit_page", "share_page", "create_page"], NameCheck.Closest("_pag", names));
        Assert.Empty(NameCheck.Closest("zzz", names));
    }

    [Fact]
    public void A_name_with_nothing_close_lists_the_known_names()
    {
        var message = NameCheck.Unknown("event", "zzz", "--exclude", ["b", "a"]);

        Assert.Equal("unknown event 'zzz' in --exclude (known: a, b)", message);
    }
}
