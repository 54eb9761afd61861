using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Live;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Hotels;

/// <summary>Settings: the hotel itself, room types, rooms and rate plans.</summary>
public sealed class HotelSettingsService(HotelSessions sessions)
{
    public Task<Hotel> GetHotelAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync(s => Task.FromResult(s.Hotel), cancellationToken);

    /// <param name="expectedVersion">The version the person edited; a different one means someone else saved first.</param>
    public Task UpdateHotelAsync(int expectedVersion, string name, string timeZoneId, string currency, TimeOnly checkIn, TimeOnly checkOut, Address address, CancellationToken cancellationToken) =>
        sessions.WriteAsync(s =>
        {
            s.Staff.Require(StaffRole.Owner, "change the hotel's details");
            var hotel = s.Hotel;
            if (hotel.Version != expectedVersion)
            {
                throw new ConcurrencyConflictException("Someone else saved the hotel's details after you opened them. Reload to see their change.");
            }

            if (!string.Equals(currency, hotel.Currency, StringComparison.Ordinal))
            {
                throw ValidationException.For("currency", "The currency cannot change once the hotel has rates and folios.");
            }

            hotel.Update(name, timeZoneId, currency, checkIn, checkOut, address);
            s.Audit(nameof(Hotel), hotel.Id, "Updated", new { name, timeZoneId, checkIn, checkOut });
            s.Announce(ChangeTopic.Settings, hotel.Id, "Hotel details changed");
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<IReadOnlyList<RoomType>> RoomTypesAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<RoomType>>(async s => await s.Db.RoomTypes.OrderBy(t => t.BaseRateMinor).ThenBy(t => t.Code).ToListAsync(cancellationToken), cancellationToken);

    public Task<RoomType> SaveRoomTypeAsync(Guid? id, string code, string name, int capacity, long baseRateMinor, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "edit room types");
            var normalized = (code ?? "").Trim().ToUpperInvariant();
            var duplicate = await s.Db.RoomTypes.AnyAsync(t => t.Code == normalized && t.Id != id, cancellationToken);
            if (duplicate)
            {
                throw ValidationException.For("code", $"Another room type already uses the code {code}.");
            }

            RoomType type;
            if (id is { } existing)
            {
                type = await s.Db.RoomTypes.SingleOrDefaultAsync(t => t.Id == existing, cancellationToken) ?? throw new NotFoundException("Room type");
                type.Update(normalized, name, capacity, baseRateMinor);
            }
            else
            {
                type = new RoomType(s.HotelId, normalized, name, capacity, baseRateMinor);
                s.Db.RoomTypes.Add(type);
            }

            s.Audit(nameof(RoomType), type.Id, id is null ? "Created" : "Updated", new { type.Code, type.Name, type.Capacity, type.BaseRateMinor });
            s.Announce(ChangeTopic.Settings, type.Id, $"Room type {type.Code} saved");
            return type;
        }, cancellationToken);

    public Task<Room> SaveRoomAsync(Guid? id, string number, int floor, Guid roomTypeId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "edit rooms");
            if (!await s.Db.RoomTypes.AnyAsync(t => t.Id == roomTypeId, cancellationToken))
            {
                throw new NotFoundException("Room type");
            }

            var trimmed = (number ?? "").Trim();
            if (await s.Db.Rooms.AnyAsync(r => r.Number == trimmed && r.Id != id, cancellationToken))
            {
                throw ValidationException.For("number", $"Room {number} already exists.");
            }

            Room room;
            if (id is { } existing)
            {
                room = await s.Db.Rooms.SingleOrDefaultAsync(r => r.Id == existing, cancellationToken) ?? throw new NotFoundException("Room");
                if (room.RoomTypeId != roomTypeId && await s.Db.Reservations.AnyAsync(r => r.RoomId == existing && r.Departure > s.Today && (r.Status == Reservations.ReservationStatus.Confirmed || r.Status == Reservations.ReservationStatus.CheckedIn), cancellationToken))
                {
                    throw new RuleViolationException($"Room {room.Number} has upcoming stays; move them before changing its type.");
                }

                room.Update(trimmed, floor, roomTypeId);
            }
            else
            {
                room = new Room(s.HotelId, trimmed, floor, roomTypeId);
                s.Db.Rooms.Add(room);
            }

            s.Audit(nameof(Room), room.Id, id is null ? "Created" : "Updated", new { room.Number, room.Floor });
            s.Announce(ChangeTopic.Rooms, room.Id, $"Room {room.Number} saved");
            return room;
        }, cancellationToken);

    public Task<IReadOnlyList<RatePlan>> RatePlansAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<RatePlan>>(async s => await s.Db.RatePlans.OrderByDescending(p => p.IsDefault).ThenBy(p => p.Code).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// What a plan's bookings secure on the card (nothing, a deposit, or the whole stay) and until when they
    /// cancel for free. Bookings already made keep the terms they were sold under.
    /// </summary>
    public Task<RatePlan> SetRatePlanPaymentPolicyAsync(Guid ratePlanId, RatePlanPaymentTerms terms, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "change payment policies");
            var plan = await s.Db.RatePlans.SingleOrDefaultAsync(p => p.Id == ratePlanId, cancellationToken) ?? throw new NotFoundException("Rate plan");
            ApplyPaymentTerms(s, plan, terms);
            return plan;
        }, cancellationToken);

    /// <summary>Saves a plan and its payment terms together: both are kept, or neither.</summary>
    public Task<RatePlan> SaveRatePlanAsync(Guid? id, string code, string name, decimal adjustmentPercent, RatePlanPaymentTerms terms, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            var plan = await SaveRatePlanAsync(s, id, code, name, adjustmentPercent, cancellationToken);
            ApplyPaymentTerms(s, plan, terms);
            return plan;
        }, cancellationToken);

    public Task<RatePlan> SaveRatePlanAsync(Guid? id, string code, string name, decimal adjustmentPercent, CancellationToken cancellationToken) =>
        sessions.WriteAsync(s => SaveRatePlanAsync(s, id, code, name, adjustmentPercent, cancellationToken), cancellationToken);

    private static async Task<RatePlan> SaveRatePlanAsync(HotelSession s, Guid? id, string code, string name, decimal adjustmentPercent, CancellationToken cancellationToken)
    {
        s.Staff.Require(StaffRole.Manager, "edit rate plans");
        var normalized = (code ?? "").Trim().ToUpperInvariant();
        if (await s.Db.RatePlans.AnyAsync(p => p.Code == normalized && p.Id != id, cancellationToken))
        {
            throw ValidationException.For("code", $"Another rate plan already uses the code {code}.");
        }

        RatePlan plan;
        if (id is { } existing)
        {
            plan = await s.Db.RatePlans.SingleOrDefaultAsync(p => p.Id == existing, cancellationToken) ?? throw new NotFoundException("Rate plan");
            plan.Update(normalized, name, adjustmentPercent);
        }
        else
        {
            var first = !await s.Db.RatePlans.AnyAsync(cancellationToken);
            plan = new RatePlan(s.HotelId, normalized, name, adjustmentPercent, isDefault: first);
            s.Db.RatePlans.Add(plan);
        }

        s.Audit(nameof(RatePlan), plan.Id, id is null ? "Created" : "Updated", new { plan.Code, plan.Name, plan.AdjustmentPercent });
        s.Announce(ChangeTopic.Settings, plan.Id, $"Rate plan {plan.Code} saved");
        return plan;
    }

    private static void ApplyPaymentTerms(HotelSession s, RatePlan plan, RatePlanPaymentTerms terms)
    {
        s.Staff.Require(StaffRole.Manager, "change payment policies");
        if (!Enum.IsDefined(terms.Policy))
        {
            throw ValidationException.For("policy", "Choose no payment, a deposit or a pre-authorisation.");
        }

        var before = RatePlanPaymentTerms.Of(plan);
        plan.SetPaymentPolicy(terms.Policy, terms.DepositPercent, terms.FreeCancellationDays);
        var after = RatePlanPaymentTerms.Of(plan);
        if (before == after)
        {
            return;
        }

        s.Audit(nameof(RatePlan), plan.Id, "PaymentPolicyChanged", new { plan.Code, Before = before, After = after });
        s.Announce(ChangeTopic.Settings, plan.Id, $"Payment policy of {plan.Code} changed");
    }
}

/// <summary>A rate plan's payment terms: what the card secures at booking and the free-cancellation window.</summary>
/// <param name="DepositPercent">For a deposit: the share of the stay held, above 0 and at most 100.</param>
/// <param name="FreeCancellationDays">Cancelling at least this many days before arrival is free.</param>
public sealed record RatePlanPaymentTerms(PaymentPolicyKind Policy, decimal DepositPercent, int FreeCancellationDays)
{
    public static RatePlanPaymentTerms Of(RatePlan plan) => new(plan.PaymentPolicy, plan.DepositPercent, plan.FreeCancellationDays);
}
