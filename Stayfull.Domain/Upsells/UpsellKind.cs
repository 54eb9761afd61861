namespace Stayfull.Domain.Upsells;

/// <summary>What a guest can add to a stay before arriving.</summary>
public enum UpsellKind
{
    /// <summary>The room from an earlier hour on the arrival day.</summary>
    EarlyCheckIn = 0,

    /// <summary>The room until a later hour on the departure day.</summary>
    LateCheckOut = 1,
}
