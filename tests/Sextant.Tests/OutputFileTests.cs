using Sextant.Tests.Support;

namespace Sextant.Tests;

public sealed class OutputFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_write_that_fails_half_way_keeps_the_previous_file_and_leaves_no_temporary_file()
    {
        // Given a report file from an earlier run
        var path = _directory.Write("funnel_metrics.csv", "old,complete\n");

        // When a new write fails after some bytes because the disk is full (ENOSPC)
        var error = Assert.Throws<SextantException>(() => OutputFile.Write(path, stream =>
        {
            stream.Write("new,half"u8);
            throw new IOException("No space left on device", 28);
        }));

        // Then the message names the file and the cause, the old file is intact and nothing else is left
        Assert.Equal($"cannot write {path}: the disk is full", error.Message);
        Assert.Equal("old,complete\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void A_finished_write_replaces_the_file_and_leaves_no_temporary_file()
    {
        var path = _directory.Write("a.csv", "old\n");

        OutputFile.WriteText(path, "new\n");

        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void A_real_disk_full_error_is_recognised()
    {
        // /dev/full answers every write with ENOSPC, as a full disk does.
        if (!File.Exists("/dev/full")) return;
        using var device = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);

        var error = Assert.ThrowsAny<IOException>(() => device.Write(new byte[16]));

        Assert.True(OutputFile.IsDiskFull(error), $"HResult {error.HResult}: {error.Message}");
        Assert.Equal("the disk is full", OutputFile.Reason(error));
    }
}
