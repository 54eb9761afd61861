namespace Stayfull.Domain.Pricing;

/// <summary>What the alert rules look at for one room type on one date.</summary>
/// <param name="LowestCompetitorMinor">The cheapest comparable competitor price, when any was shopped.</param>
public sealed record RateAlertFacts(
    Guid RoomTypeId,
    string RoomTypeName,
    DateOnly Date,
    long CurrentRateMinor,
    long BaseRateMinor,
    int Capacity,
    int RoomsLeft,
    decimal OccupancyOnBooks,
    decimal PaceOccupancy,
    long? LowestCompetitorMinor,
    string? LowestCompetitorName,
    IReadOnlyList<string> Events);

/// <summary>The rules that raise rate alerts. Pure: the service stores, refreshes and resolves what they find.</summary>
public static class RateAlertRules
{
    /// <summary>
    /// A pace gap must be worth at least this many rooms: in a room type of two suites one booking is 50
    /// points of occupancy, which says nothing about the rate.
    /// </summary>
    public const int MinRoomsOffPace = 2;

    public static IEnumerable<(RateAlertKind Kind, string Message)> Evaluate(RateAlertFacts facts, decimal undercutThreshold, decimal paceThreshold, Func<long, string> money)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(money);
        if (facts.RoomsLeft > 0 && facts.LowestCompetitorMinor is { } lowest && lowest < facts.CurrentRateMinor * (1 - undercutThreshold))
        {
            var by = (facts.CurrentRateMinor - lowest) / (decimal)facts.CurrentRateMinor;
            yield return (RateAlertKind.CompetitorUndercut, $"{facts.LowestCompetitorName ?? "A competitor"} sells at {money(lowest)}, {by:P0} under our {facts.RoomTypeName} at {money(facts.CurrentRateMinor)} on {facts.Date:d MMM}, with {facts.RoomsLeft} rooms left.");
        }

        var gap = facts.OccupancyOnBooks - facts.PaceOccupancy;
        var roomsOff = Math.Abs(gap) * facts.Capacity;
        if (roomsOff < MinRoomsOffPace)
        {
            gap = 0;
        }

        if (gap < -paceThreshold && facts.RoomsLeft > 0)
        {
            yield return (RateAlertKind.PaceBehind, $"{facts.RoomTypeName} on {facts.Date:d MMM} is {facts.OccupancyOnBooks:P0} sold against a pace of {facts.PaceOccupancy:P0}.");
        }
        else if (gap > paceThreshold)
        {
            yield return (RateAlertKind.PaceAhead, $"{facts.RoomTypeName} on {facts.Date:d MMM} is {facts.OccupancyOnBooks:P0} sold against a pace of {facts.PaceOccupancy:P0}: the rate may be too low.");
        }

        if (facts.Events.Count > 0 && facts.CurrentRateMinor <= facts.BaseRateMinor && facts.RoomsLeft > 0)
        {
            yield return (RateAlertKind.EventAtBase, $"{string.Join(", ", facts.Events)} on {facts.Date:d MMM}, and {facts.RoomTypeName} is still at the base rate of {money(facts.BaseRateMinor)}.");
        }
    }
}
