using System.Text;

namespace Sextant.Reports.Charts;

/// <summary>
/// Appends SVG elements to one buffer. Numbers are rounded to 0.1 and clamped, text is escaped,
/// so a chart never prints NaN, 1E+300 or a character that would break the XML.
/// </summary>
internal sealed class SvgWriter
{
    // Anything this far off an 900-pixel canvas is invisible anyway; clamping keeps absurd inputs short.
    private const double CoordinateLimit = 100_000;
    private const char Replacement = '\uFFFD';

    private readonly StringBuilder _sb = new(16 * 1024);
    private string _element = "";

    public SvgWriter Open(string element)
    {
        _element = element;
        _sb.Append('<').Append(element);
        return this;
    }

    public SvgWriter Attr(string name, string value)
    {
        _sb.Append(' ').Append(name).Append("=\"");
        AppendEscaped(value);
        _sb.Append('"');
        return this;
    }

    public SvgWriter Num(string name, double value)
    {
        _sb.Append(' ').Append(name).Append("=\"");
        AppendNumber(value);
        _sb.Append('"');
        return this;
    }

    /// <summary>Closes an empty element, or one holding a tooltip when <paramref name="tip"/> is given.</summary>
    public void End(string? tip = null)
    {
        if (tip is null)
        {
            _sb.Append("/>\n");
            return;
        }
        _sb.Append("><title>");
        AppendEscaped(tip);
        _sb.Append("</title></").Append(_element).Append(">\n");
    }

    /// <summary>Closes a text element with its content (and the full text as a tooltip when it was shortened).</summary>
    public void Text(string content, string? tip = null)
    {
        _sb.Append('>');
        if (tip is not null)
        {
            _sb.Append("<title>");
            AppendEscaped(tip);
            _sb.Append("</title>");
        }
        AppendEscaped(content);
        _sb.Append("</text>\n");
    }

    /// <summary>Ends the start tag of a container (g, defs); close it with <see cref="Close"/>.</summary>
    public void Begin() => _sb.Append(">\n");

    public void Close(string element) => _sb.Append("</").Append(element).Append(">\n");

    public void Raw(string markup) => _sb.Append(markup);

    /// <summary>Starts a path's d attribute; finish it with <see cref="EndD"/>.</summary>
    public SvgWriter D()
    {
        _sb.Append(" d=\"");
        return this;
    }

    public SvgWriter M(double x, double y) => Command('M', x, y);

    public SvgWriter L(double x, double y) => Command('L', x, y);

    public SvgWriter C(double x1, double y1, double x2, double y2, double x, double y)
    {
        Command('C', x1, y1);
        _sb.Append(' ');
        AppendNumber(x2);
        _sb.Append(' ');
        AppendNumber(y2);
        _sb.Append(' ');
        AppendNumber(x);
        _sb.Append(' ');
        AppendNumber(y);
        return this;
    }

    /// <summary>An elliptical arc with equal radii; sweep 1 runs clockwise on screen.</summary>
    public SvgWriter A(double radius, bool largeArc, bool sweep, double x, double y)
    {
        Command('A', radius, radius);
        _sb.Append(largeArc ? " 0 1 " : " 0 0 ").Append(sweep ? "1 " : "0 ");
        AppendNumber(x);
        _sb.Append(' ');
        AppendNumber(y);
        return this;
    }

    public SvgWriter Z()
    {
        _sb.Append('Z');
        return this;
    }

    public SvgWriter EndD()
    {
        _sb.Append('"');
        return this;
    }

    public override string ToString() => _sb.ToString();

    public void CopyTo(StringBuilder target) => target.Append(_sb);

    private SvgWriter Command(char command, double x, double y)
    {
        _sb.Append(command);
        AppendNumber(x);
        _sb.Append(' ');
        AppendNumber(y);
        return this;
    }

    private void AppendNumber(double value)
    {
        if (!double.IsFinite(value)) value = 0;
        // Whole tenths as an integer: faster than a custom format string and never prints "-0" or an exponent.
        var tenths = (long)Math.Round(Math.Clamp(value, -CoordinateLimit, CoordinateLimit) * 10, MidpointRounding.AwayFromZero);
        if (tenths < 0)
        {
            _sb.Append('-');
            tenths = -tenths;
        }
        _sb.Append(tenths / 10);
        if (tenths % 10 != 0) _sb.Append('.').Append((char)('0' + tenths % 10));
    }

    private void AppendEscaped(string text) => Escape(_sb, text);

    /// <summary>Escapes XML specials and replaces characters XML 1.0 forbids (control characters, lone surrogates).</summary>
    internal static void Escape(StringBuilder sb, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                // Attribute values normalise line breaks to spaces anyway; saying so keeps text and attributes alike.
                case '\n' or '\r' or '\t': sb.Append(' '); break;
                default:
                    if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(ch).Append(text[++i]);
                    }
                    else if (ch < ' ' || char.IsSurrogate(ch) || ch is '\uFFFE' or '\uFFFF')
                    {
                        sb.Append(Replacement);
                    }
                    else
                    {
                        sb.Append(ch);
                    }
                    break;
            }
        }
    }
}
