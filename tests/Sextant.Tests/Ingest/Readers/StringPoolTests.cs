using System.Text;
using Sextant.Ingest.Readers;

namespace Sextant.Tests.Ingest.Readers;

public sealed class StringPoolTests
{
    [Fact]
    public void Repeated_values_share_one_string_and_different_values_stay_distinct()
    {
        var pool = new StringPool(slots: 4);

        var first = pool.Get("page_view"u8);
        var again = pool.Get("page_view"u8);
        var other = pool.Get("signup"u8);

        Assert.Same(first, again);
        Assert.Equal("signup", other);
        Assert.Equal("page_view", pool.Get("page_view"u8));
    }

    [Fact]
    public void Non_ascii_and_long_values_are_decoded_correctly()
    {
        var pool = new StringPool();
        var long_ = new string('é', 40);

        Assert.Equal("Zürich", pool.Get(Encoding.UTF8.GetBytes("Zürich")));
        Assert.Equal("Zürich", pool.Get(Encoding.UTF8.GetBytes("Zürich")));
        Assert.Equal(long_, pool.Get(Encoding.UTF8.GetBytes(long_)));
        Assert.Equal("", pool.Get([]));
    }

    [Fact]
    public void A_value_with_the_same_length_but_different_bytes_is_not_confused()
    {
        // One slot: every value lands in it, so equality must be checked byte for byte.
        var pool = new StringPool(slots: 1);

        Assert.Equal("abc", pool.Get("abc"u8));
        Assert.Equal("abd", pool.Get("abd"u8));
        Assert.Equal("ab", pool.Get("ab"u8));
        Assert.Equal("äb", pool.Get(Encoding.UTF8.GetBytes("äb")));
    }
}
