using System.Globalization;
using System.Net;
using System.Text;

namespace Sextant.Storage.Warehouse.ClickHouse;

/// <summary>
/// An HTTP request body that writes rows as ClickHouse TabSeparated while it is sent, so an insert
/// of millions of rows never exists as one string. Values are long, double, string or null.
/// </summary>
internal sealed class TabSeparatedContent(IEnumerable<object?[]> rows, int columnCount, string table) : HttpContent
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true);
        Span<char> number = stackalloc char[32];
        foreach (var values in rows)
        {
            if (values.Length != columnCount)
                throw new SextantException($"a row for {table} has {values.Length} values for {columnCount} columns");
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0) writer.Write('\t');
                Write(writer, values[i], number);
            }
            writer.Write('\n');
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        SerializeToStream(stream, context, cancellationToken);
        return Task.CompletedTask;
    }

    // Sent chunked: the length is known only once every row is written.
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    /// <summary>Writes one value as a TabSeparated field.</summary>
    internal static void Write(TextWriter writer, object? value, Span<char> scratch)
    {
        switch (value)
        {
            case null:
                writer.Write("\\N");
                break;
            case long whole when whole.TryFormat(scratch, out var written, default, CultureInfo.InvariantCulture):
                writer.Write(scratch[..written]);
                break;
            case int whole:
                writer.Write(whole.ToString(CultureInfo.InvariantCulture));
                break;
            case double real:
                writer.Write(Format(real));
                break;
            case string text:
                WriteEscaped(writer, text);
                break;
            default:
                throw new SextantException($"a value of type {value.GetType().Name} cannot be stored; values are long, double, string or null");
        }
    }

    private static string Format(double value) =>
        double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteEscaped(TextWriter writer, string text)
    {
        var span = text.AsSpan();
        while (span.Length > 0)
        {
            var special = span.IndexOfAny("\\\t\n\r\0\b\f");
            if (special < 0)
            {
                writer.Write(span);
                return;
            }
            writer.Write(span[..special]);
            writer.Write(span[special] switch
            {
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\0' => "\\0",
                '\b' => "\\b",
                _ => "\\f",
            });
            span = span[(special + 1)..];
        }
    }
}
