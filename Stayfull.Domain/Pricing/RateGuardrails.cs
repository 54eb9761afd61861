namespace Stayfull.Domain.Pricing;

/// <summary>
/// The bounds a manager sets on a room type's rate: never below the floor, never above the ceiling, and
/// never more than <see cref="MaxDailyChange"/> away from the rate in effect today. Floor and ceiling are
/// absolute; the daily change is measured from the current rate, so when the current rate already lies
/// outside floor and ceiling the rate goes straight back inside them.
/// </summary>
public sealed record RateGuardrails(long FloorMinor, long CeilingMinor, decimal MaxDailyChange)
{
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (FloorMinor <= 0)
        {
            problems.Add("The floor must be above zero.");
        }

        if (CeilingMinor < FloorMinor)
        {
            problems.Add("The ceiling must not be below the floor.");
        }

        if (MaxDailyChange is <= 0 or > 1)
        {
            problems.Add("The largest daily change must be more than 0 % and at most 100 %.");
        }

        return problems;
    }

    /// <summary>The proposed rate bound by the guardrails, and which bound held it, if any.</summary>
    public (long RateMinor, GuardrailBound? Bound) Apply(long proposedMinor, long currentMinor)
    {
        // Whole minor units inside the band, so rounding can never step outside it.
        var bandLow = (long)decimal.Ceiling(currentMinor * (1 - MaxDailyChange));
        var bandHigh = (long)decimal.Floor(currentMinor * (1 + MaxDailyChange));
        var rate = proposedMinor;
        GuardrailBound? bound = null;
        if (rate > bandHigh)
        {
            (rate, bound) = (bandHigh, GuardrailBound.MaxDailyIncrease);
        }
        else if (rate < bandLow)
        {
            (rate, bound) = (bandLow, GuardrailBound.MaxDailyDecrease);
        }

        if (rate > CeilingMinor)
        {
            (rate, bound) = (CeilingMinor, GuardrailBound.Ceiling);
        }
        else if (rate < FloorMinor)
        {
            (rate, bound) = (FloorMinor, GuardrailBound.Floor);
        }

        // Two bounds can cancel out (a current rate far above the ceiling, a proposal exactly at it).
        return (rate, rate == proposedMinor ? null : bound);
    }
}

public enum GuardrailBound
{
    Floor = 0,
    Ceiling = 1,
    MaxDailyIncrease = 2,
    MaxDailyDecrease = 3,
}
