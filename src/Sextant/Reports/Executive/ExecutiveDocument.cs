namespace Sextant.Reports.Executive;

/// <summary>A block of a section.</summary>
public abstract record Block;

/// <summary>A paragraph.</summary>
/// <param name="Text">Its text.</param>
public sealed record Paragraph(RichText Text) : Block;

/// <summary>A bulleted list.</summary>
/// <param name="Items">One line per bullet.</param>
public sealed record BulletList(IReadOnlyList<RichText> Items) : Block;

/// <summary>A simple table: a header row and body rows of the same width.</summary>
/// <param name="Header">Column headings.</param>
/// <param name="Rows">Body rows, one cell per column.</param>
/// <param name="NumericColumns">Columns whose cells are right-aligned in text.</param>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<RichText>> Rows, IReadOnlyList<int> NumericColumns) : Block;

/// <summary>One titled section of the report.</summary>
/// <param name="Heading">The section heading.</param>
/// <param name="Blocks">Its content, in order.</param>
public sealed record ReportSection(string Heading, IReadOnlyList<Block> Blocks)
{
    /// <summary>Every line of text of the section's blocks.</summary>
    public IEnumerable<RichText> Lines => Blocks.SelectMany(block => block switch
    {
        Paragraph p => [p.Text],
        BulletList list => list.Items,
        Table table => table.Rows.SelectMany(row => row),
        _ => Enumerable.Empty<RichText>(),
    });
}

/// <summary>The executive report as data: renderers turn it into text, Markdown and HTML.</summary>
/// <param name="Title">The report title.</param>
/// <param name="Subtitle">What the report covers (product and data end).</param>
/// <param name="Sections">The sections, in order.</param>
public sealed record ExecutiveDocument(string Title, RichText Subtitle, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>Every figure printed anywhere in the report.</summary>
    public IEnumerable<Figure> Figures => Sections.SelectMany(s => s.Lines).Prepend(Subtitle).SelectMany(line => line.Figures);

    /// <summary>Every result label printed anywhere in the report.</summary>
    public IEnumerable<Label> Labels => Sections.SelectMany(s => s.Lines).Prepend(Subtitle).SelectMany(line => line.Parts.OfType<Label>());
}
