using System.Collections.ObjectModel;
using System.Globalization;
using Sextant.Analysis.DataTests;

namespace Sextant.Configuration;

public static partial class ConfigLoader
{
    /// <summary>
    /// The <c>tests</c> list. Each item asks only for the keys of its kind, so a key another kind
    /// takes (<c>values</c> on a not_null test) is reported as unknown; expressions are parsed here,
    /// and bound to the table's columns when the test runs.
    /// </summary>
    private static IReadOnlyList<DataTestConfig> BindTests(IReadOnlyList<YamlSection> sections)
    {
        if (sections.Count == 0) return ReadOnlyCollection<DataTestConfig>.Empty;
        var tests = new List<DataTestConfig>(sections.Count);
        var names = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var kind = section.GetOptionalString("test", "one of " + string.Join(" | ", DataTestConfig.Kinds));
            if (kind is null) section.ReportProblem("needs 'test' (one of " + string.Join(", ", DataTestConfig.Kinds) + ")");
            else if (!DataTestConfig.Kinds.Contains(kind, StringComparer.Ordinal))
            {
                section.ReportProblem($"has an unknown test '{kind}' (expected one of {string.Join(", ", DataTestConfig.Kinds)})");
                kind = null;
            }
            var table = section.GetOptionalString("table", "a table name");
            if (table is null) section.ReportProblem("needs 'table' (events, users, subscriptions, assignments or a result table)");
            var columnKind = kind is not null && DataTestConfig.ColumnKinds.Contains(kind, StringComparer.Ordinal);
            // expression takes an optional column, as dbt_utils.expression_is_true at column level does.
            var column = columnKind || kind == "expression" ? section.GetOptionalString("column", "a column name") : null;
            if (columnKind && column is null) section.ReportProblem($"needs 'column' (a {kind} test checks one column)");
            var name = section.GetOptionalString("name", "a test name")
                ?? (column is null ? $"{kind}_{table}" : $"{kind}_{table}_{column}");
            var test = new DataTestConfig
            {
                Test = kind ?? "",
                Table = table ?? "",
                Column = column,
                Name = name,
                WarnOnly = section.GetChoice("severity", "error", DataTestConfig.Severities) == "warn",
                Where = Expression(section, "where"),
                StoreFailures = section.GetBool("store_failures", false),
                Line = section.Line,
                Context = string.Create(CultureInfo.InvariantCulture, $"test '{name}' ({section.SourceName} line {section.Line})"),
            };
            if (kind is not null) test = BindKind(section, kind, test);
            if (kind is not null && table is not null)
            {
                if (names.TryGetValue(name, out var firstLine))
                    section.ReportProblem(string.Create(CultureInfo.InvariantCulture, $"has the name '{name}' of the test on line {firstLine}: give one of them a 'name'"));
                else names[name] = section.Line;
            }
            tests.Add(test);
        }
        return tests.AsReadOnly();
    }

    private static DataTestConfig BindKind(YamlSection section, string kind, DataTestConfig test)
    {
        switch (kind)
        {
            case "accepted_values":
                var values = section.GetStringList("values");
                section.GetBool("quote", true);
                if (values.Count == 0) section.ReportProblem("needs 'values' (the accepted values, a list)");
                return test with { Values = values };
            case "relationships":
                var to = section.GetOptionalString("to", "a table name");
                var field = section.GetOptionalString("field", "a column name");
                if (to is null) section.ReportProblem("needs 'to' (the table the values must appear in)");
                if (field is null) section.ReportProblem("needs 'field' (the column of 'to' the values must appear in)");
                return test with { To = to is null ? null : Unref(to), Field = field };
            case "accepted_range":
                var min = section.GetOptionalString("min_value", "a number or a date");
                var max = section.GetOptionalString("max_value", "a number or a date");
                if (min is null && max is null) section.ReportProblem("needs 'min_value', 'max_value' or both");
                return test with { MinValue = min, MaxValue = max, Inclusive = section.GetBool("inclusive", true) };
            case "expression":
                var expression = Expression(section, "expression", test.Column);
                if (expression is null) section.ReportProblem("needs 'expression' (a condition every row must meet)");
                return test with { Expression = expression };
            case "row_count":
                var low = section.GetOptionalDouble("min_value", "a whole number of at least 0", v => v >= 0 && v == Math.Floor(v));
                var high = section.GetOptionalDouble("max_value", "a whole number of at least 0", v => v >= 0 && v == Math.Floor(v));
                if (low is null && high is null) section.ReportProblem("needs 'min_value', 'max_value' or both");
                return test with
                {
                    MinValue = low?.ToString(CultureInfo.InvariantCulture),
                    MaxValue = high?.ToString(CultureInfo.InvariantCulture),
                };
            case "freshness":
                var warnAfter = Age(section.GetSection("warn_after"));
                var errorAfter = Age(section.GetSection("error_after"));
                if (warnAfter is null && errorAfter is null) section.ReportProblem("needs 'warn_after', 'error_after' or both ({count: 36, period: hour})");
                return test with { WarnAfter = warnAfter, ErrorAfter = errorAfter, TimeField = section.GetOptionalString("loaded_at_field", "a column name") };
            case "recency":
                var datepart = section.GetChoice("datepart", "day", DataTestConfig.Periods);
                var interval = section.GetInt("interval", 0, 1);
                if (interval == 0) section.ReportProblem("needs 'interval' (how many dateparts old the newest value may be)");
                return test with { Within = Period(datepart) * interval, TimeField = section.GetOptionalString("field", "a column name") };
            default:
                return test;
        }
    }

    /// <summary>dbt writes <c>to: ref('users')</c>; the table name is what is inside.</summary>
    private static string Unref(string to)
    {
        var text = to.Trim();
        if (text.StartsWith("ref(", StringComparison.Ordinal) && text.EndsWith(')')) text = text[4..^1].Trim().Trim('\'', '"');
        return text;
    }

    /// <summary>An expression, parsed to report syntax errors now; with a column, the text follows it (<c>column: mrr</c>, <c>expression: "&gt;= 0"</c>).</summary>
    private static string? Expression(YamlSection section, string key, string? column = null)
    {
        var text = section.GetOptionalString(key, "an expression");
        if (text is null) return null;
        try
        {
            ExpressionParser.Parse(column is null ? text : $"{column} {text}");
        }
        catch (SextantException e)
        {
            section.ReportProblem($"{key}: {e.Message}");
        }
        return text;
    }

    private static TimeSpan? Age(YamlSection section)
    {
        if (!section.Exists) return null;
        var count = section.GetInt("count", 0, 1);
        var period = section.GetChoice("period", "hour", DataTestConfig.Periods);
        if (count == 0)
        {
            section.ReportProblem("needs 'count' (a whole number of periods)");
            return null;
        }
        return Period(period) * count;
    }

    private static TimeSpan Period(string period) => period switch
    {
        "minute" => TimeSpan.FromMinutes(1),
        "hour" => TimeSpan.FromHours(1),
        "day" => TimeSpan.FromDays(1),
        _ => TimeSpan.FromDays(7),
    };
}
