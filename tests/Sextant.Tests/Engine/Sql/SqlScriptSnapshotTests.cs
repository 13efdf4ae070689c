using Sextant.Engine.Sql;
using Sextant.Storage.Warehouse;

namespace Sextant.Tests.Engine.Sql;

/// <summary>
/// The SQL <c>sextant sql</c> writes, per dialect, against stored snapshots (Snapshots/DIALECT/FILE),
/// so a change to a builder shows in review as a change to the SQL. Set SEXTANT_UPDATE_SNAPSHOTS=1
/// to rewrite them after an intended change.
/// </summary>
public sealed class SqlScriptSnapshotTests
{
    private static readonly string SnapshotDirectory = Path.Combine(FindRepositoryRoot(), "tests", "Sextant.Tests", "Engine", "Sql", "Snapshots");

    /// <summary>Paris, so the snapshots show the time-zone conversion, and the defaults otherwise.</summary>
    internal static SqlScriptParameters Parameters { get; } = SqlScriptParameters.Defaults with { TimeZone = "Europe/Paris" };

    public static TheoryData<SqlDialect> Dialects() => new(Enum.GetValues<SqlDialect>());

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Every_script_matches_its_snapshot(SqlDialect dialect)
    {
        var directory = Path.Combine(SnapshotDirectory, SqlScripts.DialectName(dialect));
        var scripts = SqlScripts.For(dialect, Parameters);
        if (Environment.GetEnvironmentVariable("SEXTANT_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            foreach (var stale in Directory.GetFiles(directory, "*.sql")) File.Delete(stale);
            foreach (var script in scripts) File.WriteAllText(Path.Combine(directory, script.FileName), script.Text);
            return;
        }
        Assert.Equal(Directory.GetFiles(directory, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal), scripts.Select(s => s.FileName).Order(StringComparer.Ordinal));
        foreach (var script in scripts)
        {
            var path = Path.Combine(directory, script.FileName);
            if (File.ReadAllText(path) == script.Text) continue;
            File.WriteAllText(path + ".received", script.Text);
            Assert.Fail($"{SqlScripts.DialectName(dialect)}/{script.FileName} differs from its snapshot; the new SQL is in {path}.received");
        }
    }

    [Fact]
    public void String_literals_are_escaped_as_each_dialect_reads_them()
    {
        Assert.Equal("'it''s'", new SqlText(SqlDialect.PostgreSql).Literal("it's"));
        Assert.Equal("'a\\b''c'", new SqlText(SqlDialect.DuckDb).Literal("a\\b'c"));
        Assert.Equal("'a\\\\b\\'c'", new SqlText(SqlDialect.ClickHouse).Literal("a\\b'c"));
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Sextant.slnx"))) return directory.FullName;
        throw new InvalidOperationException("Sextant.slnx not found above " + AppContext.BaseDirectory);
    }
}
