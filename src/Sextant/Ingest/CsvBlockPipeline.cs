using System.Buffers;
using System.Collections.Concurrent;
using Sextant.Ingest.Readers;

namespace Sextant.Ingest;

/// <summary>A bad row of a block: its line relative to the block's first line (1-based), reason and text.</summary>
internal readonly record struct BlockBadRow(long Line, string Reason, string RawText, byte[]? RawBytes);

/// <summary>What parsing one block of a CSV file produced, in file order.</summary>
internal sealed class ParsedBlock
{
    /// <summary>Records of the good rows that were kept, in file order.</summary>
    public List<object> Records { get; } = [];

    /// <summary>Bad rows, in file order, with lines relative to the block.</summary>
    public List<BlockBadRow> BadRows { get; } = [];

    /// <summary>Rows read (good, bad and filtered).</summary>
    public long Read { get; set; }

    /// <summary>Rows left out by <c>--where</c>.</summary>
    public long Filtered { get; set; }

    /// <summary>Line breaks the block's rows spanned, up to its leftover.</summary>
    public long LinesConsumed { get; set; }

    /// <summary>Where an unfinished last record starts, or −1.</summary>
    public int Leftover { get; set; } = -1;

    /// <summary>The physical line of the block's first byte, set when the block is taken in order.</summary>
    public long FirstLine { get; set; }

    /// <summary>The absolute line of a bad row.</summary>
    public long LineOf(BlockBadRow row) => FirstLine + row.Line - 1;
}

/// <summary>
/// Parses a CSV file on every core: the file is cut into blocks of whole lines, blocks are parsed
/// (read, mapped, validated into records) by thread-pool workers, and their results are handed
/// on strictly in file order, so records, line numbers and bad rows are exactly what reading the
/// file row by row gives. A block is parsed as if it began a record; when a quoted field holds
/// the line break at a cut, the block before stops at that record (its leftover), and the
/// leftover joined to the next block is parsed again in place of that block's guess.
/// </summary>
internal sealed class CsvBlockPipeline
{
    private readonly CsvRowReader _source;
    private readonly int _blockBytes;
    private readonly Action<CsvRowReader, ParsedBlock> _parseRows;
    private readonly int _window;
    private readonly ConcurrentBag<StringPool> _pools = [];

    /// <param name="source">The file's reader, positioned after the header.</param>
    /// <param name="parseRows">Reads every row of a block reader into the block; runs on worker threads.</param>
    /// <param name="window">Blocks parsed ahead of the one handed on.</param>
    /// <param name="blockBytes">
    /// Bytes a block holds at most (a longer line makes a longer block). Small blocks keep few
    /// records in flight, so most die young and the collector seldom has to promote them.
    /// </param>
    public CsvBlockPipeline(CsvRowReader source, Action<CsvRowReader, ParsedBlock> parseRows, int window, int blockBytes)
    {
        _source = source;
        _blockBytes = Math.Max(1, blockBytes);
        _parseRows = parseRows;
        _window = Math.Max(1, window);
    }

    /// <summary>The parsed blocks in file order. A read failure surfaces after every block before it.</summary>
    public IEnumerable<ParsedBlock> Blocks()
    {
        var pending = new Queue<Pending>();
        var line = _source.NextLine;
        byte[]? carry = null;
        var carryLength = 0;
        var more = true;
        Exception? readFailure = null;
        try
        {
            while (true)
            {
                while (more && pending.Count < _window)
                {
                    try
                    {
                        if (!_source.TakeBlock(_blockBytes, out var block, out var length, out var final))
                        {
                            more = false;
                            break;
                        }
                        pending.Enqueue(new Pending(Task.Run(() => Parse(block, length, final)), block, length, final));
                        if (final) more = false;
                    }
                    catch (SextantException exception)
                    {
                        readFailure = exception;
                        more = false;
                    }
                }
                if (pending.Count == 0) break;

                var next = pending.Dequeue();
                var buffer = next.Buffer;
                var bufferLength = next.Length;
                ParsedBlock result;
                if (carry is null)
                {
                    result = next.Task.GetAwaiter().GetResult();
                }
                else
                {
                    // The guess started inside the carried record; wait for it to let go of its buffer, then parse the joined bytes.
                    ((IAsyncResult)next.Task).AsyncWaitHandle.WaitOne();
                    var joined = ArrayPool<byte>.Shared.Rent(carryLength + next.Length);
                    carry.AsSpan(0, carryLength).CopyTo(joined);
                    next.Buffer.AsSpan(0, next.Length).CopyTo(joined.AsSpan(carryLength));
                    ArrayPool<byte>.Shared.Return(carry);
                    ArrayPool<byte>.Shared.Return(next.Buffer);
                    carry = null;
                    buffer = joined;
                    bufferLength = carryLength + next.Length;
                    result = Parse(buffer, bufferLength, next.Final);
                }

                result.FirstLine = line;
                line += result.LinesConsumed;
                if (result.Leftover >= 0)
                {
                    carryLength = bufferLength - result.Leftover;
                    carry = ArrayPool<byte>.Shared.Rent(carryLength);
                    buffer.AsSpan(result.Leftover, carryLength).CopyTo(carry);
                }
                ArrayPool<byte>.Shared.Return(buffer);
                yield return result;
            }

            if (readFailure is not null) throw readFailure;
            if (carry is not null)
            {
                // The file ended inside the carried record: read as the end of the file, it is what it is (unterminated, too long).
                var result = Parse(carry, carryLength, final: true);
                ArrayPool<byte>.Shared.Return(carry);
                carry = null;
                result.FirstLine = line;
                yield return result;
            }
        }
        finally
        {
            foreach (var left in pending)
            {
                ((IAsyncResult)left.Task).AsyncWaitHandle.WaitOne();
                ArrayPool<byte>.Shared.Return(left.Buffer);
            }
        }
    }

    private ParsedBlock Parse(byte[] block, int length, bool final)
    {
        var pool = _pools.TryTake(out var pooled) ? pooled : new StringPool();
        try
        {
            var reader = _source.ForBlock(block, length, final, pool);
            var result = new ParsedBlock();
            _parseRows(reader, result);
            result.LinesConsumed = reader.LinesConsumed;
            result.Leftover = reader.Leftover;
            return result;
        }
        finally
        {
            _pools.Add(pool);
        }
    }

    private readonly record struct Pending(Task<ParsedBlock> Task, byte[] Buffer, int Length, bool Final);
}
