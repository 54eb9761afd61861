using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Rates;

/// <summary>The rates calendar: bulk edits of daily rates and restrictions, audited.</summary>
public sealed class RateService(HotelSessions sessions)
{
    public const int MaxDays = 500;

    /// <returns>How many room-type nights changed.</returns>
    public Task<int> UpdateAsync(RateUpdate update, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change rates and restrictions");
            Validate(update);
            var changed = 0;
            foreach (var typeId in update.RoomTypeIds.Distinct())
            {
                var type = await s.Db.RoomTypes.SingleOrDefaultAsync(t => t.Id == typeId, cancellationToken) ?? throw new NotFoundException("Room type");
                var nights = await InventoryLedger.NightsAsync(s, type.Id, update.From, update.To.AddDays(1), cancellationToken);
                foreach (var night in nights.Where(n => update.Weekdays.Count == 0 || update.Weekdays.Contains(n.Date.DayOfWeek)))
                {
                    if (update.RateMinor is { } rate)
                    {
                        night.SetRate(rate);
                    }

                    if (update.MinStay is not null || update.ClosedToArrival is not null || update.ClosedToDeparture is not null || update.StopSell is not null)
                    {
                        night.SetRestrictions(
                            update.MinStay ?? night.MinStay,
                            update.ClosedToArrival ?? night.ClosedToArrival,
                            update.ClosedToDeparture ?? night.ClosedToDeparture,
                            update.StopSell ?? night.StopSell);
                    }

                    changed++;
                }

                s.Audit("Rates", type.Id, "RatesChanged", new { type.Code, update.From, update.To, update.Weekdays, update.RateMinor, update.MinStay, update.ClosedToArrival, update.ClosedToDeparture, update.StopSell });
            }

            s.Announce(ChangeTopic.Rates, null, $"Rates changed from {update.From:d} to {update.To:d}");
            return changed;
        }, cancellationToken);

    private static void Validate(RateUpdate update)
    {
        var errors = new Dictionary<string, string[]>();
        if (update.RoomTypeIds.Count == 0)
        {
            errors["roomTypeIds"] = ["Pick at least one room type."];
        }

        if (update.To < update.From || update.To.DayNumber - update.From.DayNumber >= MaxDays)
        {
            errors["to"] = [$"Pick an end date on or after the start, at most {MaxDays} days on."];
        }

        if (update.RateMinor is <= 0)
        {
            errors["rate"] = ["A rate must be above zero."];
        }

        if (update.MinStay is < 1 or > 30)
        {
            errors["minStay"] = ["Minimum stay is 1 to 30 nights."];
        }

        if (update.RateMinor is null && update.MinStay is null && update.ClosedToArrival is null && update.ClosedToDeparture is null && update.StopSell is null)
        {
            errors["rate"] = ["Nothing to change: set a rate or a restriction."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }
}
