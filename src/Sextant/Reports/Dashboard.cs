using Sextant.Reports.Charts;

namespace Sextant.Reports;

/// <summary>A headline number shown above a dashboard's charts.</summary>
/// <param name="Label">What it is.</param>
/// <param name="Value">The formatted value.</param>
/// <param name="Detail">Its interval, period or caveat, or null.</param>
public sealed record Tile(string Label, string Value, string? Detail = null);

/// <summary>One dashboard: one self-contained HTML file.</summary>
/// <param name="Slug">File name without extension (letters, digits, '_').</param>
/// <param name="Title">Page title.</param>
/// <param name="Summary">One sentence on what the page answers.</param>
/// <param name="Tiles">Headline numbers.</param>
/// <param name="Charts">Charts, in page order.</param>
/// <param name="Notes">Caveats and definitions shown under the charts.</param>
public sealed record Dashboard(string Slug, string Title, string Summary, IReadOnlyList<Tile> Tiles, IReadOnlyList<Chart> Charts, IReadOnlyList<string> Notes);
