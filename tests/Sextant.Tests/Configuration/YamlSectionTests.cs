using Sextant.Configuration;

namespace Sextant.Tests.Configuration;

/// <summary>The binder parts that sections to come will use and the current keys do not.</summary>
public sealed class YamlSectionTests
{
    private static (YamlSection Root, ConfigDiagnostics Diagnostics) Read(string yaml)
    {
        var diagnostics = new ConfigDiagnostics("test.yaml");
        return (YamlSection.Root(YamlDocumentReader.ReadRoot(yaml, diagnostics), diagnostics), diagnostics);
    }

    private static string ErrorOf(ConfigDiagnostics diagnostics) =>
        Assert.Throws<SextantException>(diagnostics.ThrowIfAny).Message;

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData("TRUE", true)]
    public void Bool_accepts_true_and_false_in_any_letter_case(string text, bool expected)
    {
        var (root, diagnostics) = Read($"flag: {text}\n");

        Assert.Equal(expected, root.GetBool("flag", !expected));
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void Bool_refuses_yes()
    {
        var (root, diagnostics) = Read("flag: yes\n");

        Assert.False(root.GetBool("flag", false));
        Assert.Equal("test.yaml line 1: 'flag' expects true or false, got 'yes'", ErrorOf(diagnostics));
    }

    [Fact]
    public void Int_without_a_range_accepts_negative_numbers()
    {
        var (root, diagnostics) = Read("offset: -3\n");

        Assert.Equal(-3, root.GetInt("offset", 0));
        Assert.False(diagnostics.HasErrors);
    }

    [Fact]
    public void Section_list_reads_each_item_under_an_indexed_path()
    {
        const string yaml = """
            funnels:
              - name: signup
                steps: [visit, signup]
              - name: checkout
                setps: [cart]
            """;
        var (root, diagnostics) = Read(yaml);

        var funnels = root.GetSectionList("funnels")
            .Select(item => (Name: item.GetString("name", ""), Steps: item.GetStringList("steps")))
            .ToList();
        root.ReportUnknownKeys();

        Assert.Equal(["signup", "checkout"], funnels.Select(funnel => funnel.Name));
        Assert.Equal(["visit", "signup"], funnels[0].Steps);
        Assert.Equal(
            "test.yaml line 5: unknown key 'funnels[1].setps' (expected one of: name, steps)",
            ErrorOf(diagnostics));
    }

    [Fact]
    public void Section_list_item_that_is_not_a_mapping_is_an_error()
    {
        var (root, diagnostics) = Read("funnels:\n  - signup\n");

        Assert.Empty(root.GetSectionList("funnels"));
        Assert.Equal("test.yaml line 2: 'funnels[0]' expects a mapping of settings, got 'signup'", ErrorOf(diagnostics));
    }

    [Fact]
    public void String_map_keeps_the_order_of_the_file()
    {
        var (root, _) = Read("columns: {zeta: a, alpha: b, mid: c}\n");

        Assert.Equal(["zeta", "alpha", "mid"], root.GetStringMap("columns").Keys);
    }

    [Fact]
    public void A_key_never_asked_for_is_unknown_even_inside_a_known_section()
    {
        var (root, diagnostics) = Read("outer:\n  inner: 1\n");

        root.GetSection("outer");
        root.ReportUnknownKeys();

        Assert.Equal("test.yaml line 2: unknown key 'outer.inner' (this section takes no keys)", ErrorOf(diagnostics));
    }
}
