using Sextant.Analysis.Checks;
using Sextant.Analysis.DataTests;
using Sextant.Application;
using Sextant.Configuration;
using Sextant.Events;
using Sextant.Reports.Tables;
using Sextant.Storage;

namespace Sextant.Cli.Commands;

/// <summary>The tests of sextant.yaml as <c>sextant check</c> runs them, after the built-in checks.</summary>
internal static class DeclaredTests
{
    /// <summary>
    /// Runs the declared tests; result tables are computed (once) only when a test names one. On a
    /// damaged store no test runs: each is reported as failed, since its rows cannot be trusted.
    /// </summary>
    public static IReadOnlyList<CheckOutcome> Run(SextantConfig config, IEventStore store, string storePath, Lazy<EventTable> checkTable,
        DataTestSettings settings, CheckReport builtIn)
    {
        if (builtIn.Checks.Any(c => c.Name == "store_integrity" && c.Status == CheckStatus.Fail))
            return [.. config.Tests.Select(test => new CheckOutcome(test.Name, CheckStatus.Fail, 0, "not run: the store is damaged (see store_integrity)"))];
        return DataTestRunner.Run(config.Tests, store, () => Results(config, storePath, checkTable), settings);
    }

    private static IReadOnlyList<ResultTable> Results(SextantConfig config, string storePath, Lazy<EventTable> checkTable)
    {
        // The checks' table is read in UTC; result tables need the project's zone, so another zone loads its own.
        var project = config.TimeZone == TimeZoneInfo.Utc ? Project.Over(checkTable.Value, config) : Project.Open(storePath, config);
        return ExportTables.Results(project.Report());
    }
}
