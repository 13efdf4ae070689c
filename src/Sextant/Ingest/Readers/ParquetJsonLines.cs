using System.Collections;
using System.Globalization;
using System.Text.Json;
using Parquet;
using Parquet.Serialization;

namespace Sextant.Ingest.Readers;

/// <summary>
/// A Parquet file read as JSON lines: one object per row, one row group at a time, so the
/// JSON-lines reader and mapper take Parquet exports (warehouse unloads, data lakes) with the
/// same column mapping, checks and quarantine. A NULL is left out of its row's object, as a
/// missing key; timestamps become ISO-8601 UTC text with microseconds; nested structs and maps
/// become objects and lists arrays, so a <c>properties</c> struct arrives as a properties object.
/// The line number of a row is its row number in the file, from 1.
/// </summary>
internal sealed class ParquetJsonLines : ForwardOnlyStream
{
    private readonly Stream _file;
    private readonly string _path;
    private readonly int _rowGroups;
    private readonly MemoryStream _buffer = new();
    private int _nextRowGroup;

    private ParquetJsonLines(Stream file, string path, int rowGroups)
    {
        _file = file;
        _path = path;
        _rowGroups = rowGroups;
    }

    /// <summary>Opens a Parquet file and reads its top-level column names.</summary>
    /// <exception cref="SextantException">The file is missing or not a Parquet file.</exception>
    public static (ParquetJsonLines Rows, IReadOnlyList<string> Columns) Open(string path)
    {
        var file = OpenFile(path);
        try
        {
            var reader = Wait(ParquetReader.CreateAsync(file, leaveStreamOpen: true), path);
            try
            {
                var columns = reader.Schema.Fields.Select(f => f.Name).ToArray();
                return (new ParquetJsonLines(file, path, reader.RowGroupCount), columns);
            }
            finally
            {
                reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public override int Read(Span<byte> buffer)
    {
        while (_buffer.Position == _buffer.Length)
        {
            if (_nextRowGroup == _rowGroups) return 0;
            FillFromRowGroup(_nextRowGroup++);
        }
        return _buffer.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _buffer.Dispose();
        }
        base.Dispose(disposing);
    }

    private void FillFromRowGroup(int rowGroup)
    {
        _file.Position = 0;
        var rows = Wait(ParquetSerializer.DeserializeUntypedAsync(_file, rowGroupIndex: rowGroup), _path).Data;
        _buffer.SetLength(0);
        using (var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            foreach (var row in rows)
            {
                WriteValue(json, row);
                json.Flush();
                _buffer.WriteByte((byte)'\n');
                json.Reset(_buffer);
            }
        }
        _buffer.Position = 0;
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case long or int or short or sbyte or byte or ushort or uint or ulong or decimal:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!, skipInputValidation: true);
                break;
            case double d: WriteFloat(json, d); break;
            case float f: WriteFloat(json, f); break;
            case DateTime t: json.WriteStringValue(Iso(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc))); break;
            case DateTimeOffset o: json.WriteStringValue(Iso(o.UtcDateTime)); break;
            case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            case IDictionary<string, object> map:
                json.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    if (item is null) continue;
                    json.WritePropertyName(key);
                    WriteValue(json, item);
                }
                json.WriteEndObject();
                break;
            case IDictionary map:
                json.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    json.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    WriteValue(json, entry.Value);
                }
                json.WriteEndObject();
                break;
            case IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list) WriteValue(json, item);
                json.WriteEndArray();
                break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    // JSON has no NaN or infinity: they travel as text, which a numeric column then quarantines with its value.
    private static void WriteFloat(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value)) json.WriteNumberValue(value);
        else json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static Stream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SextantException($"'{path}': cannot be read: {e.Message}");
        }
    }

    private static T Wait<T>(Task<T> task, string path)
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not SextantException and not OutOfMemoryException)
        {
            throw new SextantException($"'{path}': not a readable Parquet file ({FirstLine(e.Message)}); expected Parquet written by a warehouse export, DuckDB, Spark or pandas");
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
