namespace Stayfull.Domain.Channels.Ari;

/// <summary>How far ahead the channels are kept in step.</summary>
public static class AriWindow
{
    /// <summary>A full sync covers this many nights from today, as the channel manager asks.</summary>
    public const int FullSyncDays = 500;

    /// <summary>Deltas beyond this are not pushed (the nightly full sync reaches them as they come near).</summary>
    public const int DeltaDays = 730;

    public static DateOnly LastFullSyncNight(DateOnly today) => today.AddDays(FullSyncDays - 1);

    public static DateOnly LastDeltaNight(DateOnly today) => today.AddDays(DeltaDays - 1);
}
