namespace Sextant.Analysis.Impact;

/// <summary>Revenue credited to one channel under each model.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="FirstTouch">All of a user's revenue to their first touch.</param>
/// <param name="LastTouch">All to the last touch before the first payment.</param>
/// <param name="Linear">Split equally over the touches.</param>
/// <param name="TimeDecay">Split with weights halving every half-life before the first payment.</param>
public sealed record ChannelCredit(string Channel, double FirstTouch, double LastTouch, double Linear, double TimeDecay);
