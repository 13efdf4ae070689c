using System.CommandLine;
using Sextant.Analysis.Engagement;
using Sextant.Analysis.Funnels;
using Sextant.Analysis.Retention;
using Sextant.Analysis.Revenue;
using Sextant.Reports;
using Sextant.Serialization;

namespace Sextant.Cli;

/// <summary><c>--out DIR</c> of the analysis commands: the result's flat files and JSON, as <c>sextant demo</c> writes them.</summary>
internal static class OutOption
{
    public static Option<string?> Create() => new("--out") { Description = "Also write the result's files (JSON, CSV, Markdown) into this directory" };

    public static void Write(ParseResult result, Option<string?> option, string jsonName, object value,
        EngagementResult? engagement = null, FunnelResult? funnel = null, RetentionResult? retention = null, RevenueResult? revenue = null)
    {
        if (result.GetValue(option) is not { } directory) return;
        OutputFile.CreateDirectory(directory);
        OutputFile.WriteText(Path.Combine(directory, jsonName), ResultJson.Serialize(value));
        AnalysisFiles.Write(directory, engagement, funnel, retention, revenue);
    }
}
