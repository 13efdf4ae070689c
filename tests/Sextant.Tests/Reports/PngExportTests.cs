using System.Buffers.Binary;
using Sextant.Export.Png;
using Sextant.Reports.Charts;
using Sextant.Tests.Support;

namespace Sextant.Tests.Reports;

public sealed class PngExportTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Exports_a_png_the_size_of_the_svg_next_to_it()
    {
        using var dir = new TempDirectory();
        var chart = SvgChartSamples.All().Single(c => c.Id == "signup");
        var svg = dir.Write("signup.svg", SvgChart.Render(chart));

        var pngs = PngExport.Convert([svg]);

        var png = Assert.Single(pngs);
        Assert.Equal(dir.File("signup.png"), png);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(PngSignature, bytes[..8]);
        // The first chunk is IHDR: length (4), type (4), then width and height as big-endian integers.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(900, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        var root = System.Xml.Linq.XDocument.Load(svg).Root!;
        Assert.Equal(int.Parse(root.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture),
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    [Fact]
    public void Exports_ten_charts_in_one_call_each_at_its_own_size_in_input_order()
    {
        using var dir = new TempDirectory();
        var samples = SvgChartSamples.All();
        var svgs = Enumerable.Range(0, 10)
            .Select(i => dir.Write($"chart-{i:00}.svg", SvgChart.Render(samples[i % samples.Count])))
            .ToArray();

        var pngs = PngExport.Convert(svgs);

        Assert.Equal(svgs.Select(svg => Path.ChangeExtension(svg, ".png")), pngs);
        foreach (var (svg, png) in svgs.Zip(pngs))
        {
            var bytes = File.ReadAllBytes(png);
            Assert.Equal(PngSignature, bytes[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            var root = System.Xml.Linq.XDocument.Load(svg).Root!;
            Assert.Equal(PixelSize(root.Attribute("width")!.Value), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
            Assert.Equal(PixelSize(root.Attribute("height")!.Value), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        }
    }

    [Fact]
    public void A_missing_svg_is_reported_by_name()
    {
        using var dir = new TempDirectory();
        var present = dir.Write("present.svg", SvgChart.Render(SvgChartSamples.All()[0]));
        var missing = dir.File("missing-chart.svg");

        var error = Assert.Throws<SextantException>(() => PngExport.Convert([present, missing]));

        Assert.Contains("missing-chart.svg", error.Message);
    }

    [Fact]
    public void Without_chromium_the_error_says_how_to_install_it()
    {
        var error = Assert.Throws<SextantException>(() => PngExport.Convert(["chart.svg"], chromium: null));

        Assert.Contains("apt-get install chromium", error.Message);
        Assert.Contains(PngExport.ChromiumVariable, error.Message);
    }

    [Fact]
    public void A_failing_browser_is_reported_with_the_file_name()
    {
        using var dir = new TempDirectory();
        var svg = dir.Write("broken.svg", SvgChart.Render(SvgChartSamples.All()[0]));

        var error = Assert.Throws<SextantException>(() => PngExport.Convert([svg], chromium: "/bin/false"));

        Assert.Contains("broken.svg", error.Message);
    }

    [Fact]
    public void The_chromium_variable_wins_over_the_usual_paths()
    {
        using var dir = new TempDirectory();
        var fake = dir.Write("my-chromium", "");
        var before = Environment.GetEnvironmentVariable(PngExport.ChromiumVariable);
        try
        {
            Environment.SetEnvironmentVariable(PngExport.ChromiumVariable, fake);
            Assert.Equal(fake, PngExport.FindChromium());
        }
        finally
        {
            Environment.SetEnvironmentVariable(PngExport.ChromiumVariable, before);
        }
    }

    private static int PixelSize(string attribute) =>
        (int)Math.Ceiling(double.Parse(attribute, System.Globalization.CultureInfo.InvariantCulture));
}
