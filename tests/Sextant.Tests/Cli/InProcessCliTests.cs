using System.Text.Json;
using Sextant.Tests.Support;
using static Sextant.Tests.Support.EventBuilder;

namespace Sextant.Tests.Cli;

/// <summary>Commands run in process, rendering their tables on the writers they are given.</summary>
public sealed class InProcessCliTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _store;

    public InProcessCliTests()
    {
        _store = _directory.File("s.db");
        Write(_store,
            At("u1", "signup", "2026-01-01T09:00:00Z"), At("u1", "create_page", "2026-01-01T10:00:00Z"),
            At("u2", "signup", "2026-01-02T09:00:00Z"),
            At("u3", "signup", "2026-02-01T09:00:00Z"), At("u3", "create_page", "2026-02-01T09:30:00Z"));
    }

    public void Dispose() => _directory.Dispose();

    private static (int Code, string Out, string Error) Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void A_funnel_table_renders_on_the_given_writer_without_colour_codes()
    {
        var (code, text, error) = Run("funnel", "--steps", "signup,create_page", "--store", _store);
        Assert.True(code == 0, error);
        Assert.Contains("create_page", text, StringComparison.Ordinal);
        Assert.Contains("66.7%", text, StringComparison.Ordinal); // 2 of 3 sign-ups create a page
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_and_a_date_range_go_through_the_same_writer_and_runs_in_parallel_do_not_mix()
    {
        var results = new (int Code, string Out, string Error)[8];
        Parallel.For(0, results.Length, i => results[i] = i % 2 == 0
            ? Run("funnel", "--steps", "signup,create_page", "--store", _store, "--json")
            : Run("funnel", "--steps", "signup,create_page", "--store", _store, "--json", "--to", "2026-01-31"));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.True(results[i].Code == 0, results[i].Error);
            var steps = JsonDocument.Parse(results[i].Out).RootElement.GetProperty("steps");
            // All time: 3 sign-ups, 2 create; January only: 2 sign-ups, 1 creates.
            Assert.Equal(i % 2 == 0 ? (3, 2) : (2, 1), (steps[0].GetProperty("users").GetInt32(), steps[1].GetProperty("users").GetInt32()));
        }
    }

    [Fact]
    public void An_unknown_step_is_one_line_on_the_error_writer_and_exit_code_2()
    {
        var (code, text, error) = Run("funnel", "--steps", "signup,create_pag", "--store", _store);
        Assert.Equal(2, code);
        Assert.Equal("", text);
        Assert.Contains("unknown event 'create_pag'", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
