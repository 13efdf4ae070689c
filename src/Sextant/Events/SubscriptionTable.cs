namespace Sextant.Events;

/// <summary>
/// Subscriptions of the users in an <see cref="EventTable"/>, as parallel columns. Revenue is
/// counted per active subscription month (SEMANTICS.md, Revenue and LTV); trials are kept so that
/// their count is visible, but carry no revenue.
/// </summary>
public sealed class SubscriptionTable
{
    /// <summary>A table with no subscriptions.</summary>
    public static SubscriptionTable Empty { get; } = new([], [], [], [], [], [], [], [], 0);

    internal SubscriptionTable(int[] user, long[] start, long[] end, double[] mrr, string[] currency, bool[] trial, string[] plan, string[] status, int unmatched)
    {
        if (plan.Length != user.Length || status.Length != user.Length) throw new ArgumentException("every subscription column needs one value per subscription");
        Plan = plan;
        Status = status;
        User = user;
        Start = start;
        End = end;
        Mrr = mrr;
        Currency = currency;
        Trial = trial;
        UnmatchedCount = unmatched;
    }

    /// <summary>Number of subscriptions.</summary>
    public int Count => User.Length;

    /// <summary>Entity index of the paying user.</summary>
    public int[] User { get; }

    /// <summary>Start instant (µs).</summary>
    public long[] Start { get; }

    /// <summary>End instant (µs); <see cref="long.MaxValue"/> while the subscription runs.</summary>
    public long[] End { get; }

    /// <summary>Monthly recurring revenue; 0 for trials.</summary>
    public double[] Mrr { get; }

    /// <summary>ISO 4217 currency of <see cref="Mrr"/>.</summary>
    public string[] Currency { get; }

    /// <summary>True for trial subscriptions.</summary>
    public bool[] Trial { get; }

    /// <summary>Plan name, as stored.</summary>
    public string[] Plan { get; }

    /// <summary>Status: trial, active, cancelled or past_due.</summary>
    public string[] Status { get; }

    /// <summary>Subscriptions whose user id matches no user in the table (left out of every figure).</summary>
    public int UnmatchedCount { get; }

    /// <summary>True when subscription <paramref name="i"/> pays (not a trial, MRR above zero).</summary>
    public bool Pays(int i) => !Trial[i] && Mrr[i] > 0;

    /// <summary>
    /// Revenue of subscription <paramref name="i"/> inside [<paramref name="from"/>, <paramref name="to"/>): MRR × the
    /// months it ran there, months of 30.4375 days; 0 unless it pays. (Calendar-month reports prorate by local days instead.)
    /// </summary>
    public double RevenueBetween(int i, long from, long to)
    {
        if (!Pays(i)) return 0;
        var start = Math.Max(from, Start[i]);
        var end = Math.Min(to, End[i]);
        return end <= start ? 0 : Mrr[i] * (end - start) / (30.4375 * Timestamp.MicrosPerDay);
    }
}
