namespace Sextant.Synthetic;

/// <summary>
/// A small, fixed pseudo-random generator (SplitMix64) with the distributions the scenarios
/// need. Unlike <see cref="Random"/>, its sequence is defined here, so a seed gives the same
/// data on every machine and .NET version.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed) => _state = seed;

    /// <summary>A generator for one stream of a seed (e.g. one user), independent of the order streams are used in.</summary>
    public static DeterministicRandom For(long seed, long stream, long salt = 0) =>
        new(Mix((ulong)seed * 0x9E3779B97F4A7C15UL ^ Mix((ulong)stream + 0x632BE59BD9B4E019UL) ^ (ulong)salt * 0xD1B54A32D192ED03UL));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int Next(int n) => (int)(NextDouble() * n);

    public bool Chance(double probability) => NextDouble() < probability;

    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    public double Normal()
    {
        var u1 = 1 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public double LogNormal(double mu, double sigma) => Math.Exp(mu + sigma * Normal());

    public int Poisson(double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Normal()));
        var limit = Math.Exp(-mean);
        var product = NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= NextDouble();
            count++;
        }
        return count;
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang.</summary>
    public double Gamma(double shape)
    {
        if (shape < 1) return Gamma(shape + 1) * Math.Pow(NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal();
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }

    public double Beta(double a, double b)
    {
        var x = Gamma(a);
        return x / (x + Gamma(b));
    }

    /// <summary>Index drawn with the given weights (they need not sum to 1).</summary>
    public int Pick(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights) total += weight;
        var target = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0) return i;
        }
        return weights.Count - 1;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
