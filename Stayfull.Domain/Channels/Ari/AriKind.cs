namespace Stayfull.Domain.Channels.Ari;

/// <summary>The two kinds of ARI call the channel manager takes, each with its own per-minute budget.</summary>
public enum AriKind
{
    /// <summary>Rooms left to sell per channel room type.</summary>
    Availability = 0,

    /// <summary>Rates and restrictions per channel rate plan.</summary>
    Restrictions = 1,
}
