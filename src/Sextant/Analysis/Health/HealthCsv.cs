using System.Globalization;
using System.Text;

namespace Sextant.Analysis.Health;

/// <summary>Renders a health result as user_health.csv: one row per scored user, invariant culture, RFC 4180 quoting, text cells that would start a spreadsheet formula prefixed with a single quote.</summary>
public static class HealthCsv
{
    /// <summary>The header line's columns.</summary>
    public const string Header = "user_id,score,recency,frequency,breadth,collaboration,trend,tenure,active_days_30,features_30,segment,plan,at_risk,expansion_ready";

    /// <summary>The file's text: the header, then one line per user; the score has 2 decimals, components 4; flags are true/false; a missing segment or plan is empty. Lines end with \n.</summary>
    public static string Write(HealthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder(Header.Length + 1 + result.Users.Count * 96);
        text.Append(Header).Append('\n');
        foreach (var u in result.Users)
        {
            text.Append(Field(u.UserKey)).Append(',')
                .Append(CultureInfo.InvariantCulture, $"{u.Score:F2},{u.Recency:F4},{u.Frequency:F4},{u.Breadth:F4},{u.Collaboration:F4},{u.Trend:F4},{u.Tenure:F4},{u.ActiveDaysLast30},{u.Features},")
                .Append(Field(u.Segment)).Append(',')
                .Append(Field(u.Plan)).Append(',')
                .Append(u.AtRisk ? "true" : "false").Append(',')
                .Append(u.ExpansionReady ? "true" : "false").Append('\n');
        }
        return text.ToString();
    }

    // Text cells are quoted per RFC 4180 and neutralised against spreadsheet formula injection.
    private static string Field(string? value) => Sextant.Reports.CsvCell.Text(value);
}
