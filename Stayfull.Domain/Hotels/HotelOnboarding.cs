using Stayfull.Domain.Common;
using Stayfull.Domain.Data;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Hotels;

/// <summary>Sign-up: a new hotel with its room types, rooms and rates, owned by the person signing up.</summary>
public sealed class HotelOnboarding(StayfullDb database, TimeProvider time)
{
    public async Task<Hotel> CreateAsync(string ownerUserId, OnboardingRequest request, CancellationToken cancellationToken)
    {
        if (request.RoomTypes.Count == 0)
        {
            throw ValidationException.For("roomTypes", "Add at least one room type.");
        }

        var hotel = new Hotel(request.Name, request.TimeZoneId, request.Currency, request.CheckInTime, request.CheckOutTime, request.Address);
        await using var db = database.ForHotel(hotel.Id);
        db.Hotels.Add(hotel);
        db.Memberships.Add(new HotelMembership(hotel.Id, ownerUserId, StaffRole.Owner));
        db.RatePlans.Add(new RatePlan(hotel.Id, "BAR", "Best available rate", 0, isDefault: true));
        if (request.AddNonRefundablePlan)
        {
            db.RatePlans.Add(new RatePlan(hotel.Id, "NRF", "Non-refundable", -10, isDefault: false));
        }

        var numbers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in request.RoomTypes)
        {
            var type = new RoomType(hotel.Id, spec.Code, spec.Name, spec.Capacity, spec.BaseRateMinor);
            db.RoomTypes.Add(type);
            foreach (var number in RoomNumbers.Parse(spec.RoomNumbers))
            {
                if (!numbers.Add(number))
                {
                    throw ValidationException.For("roomNumbers", $"Room {number} is listed twice.");
                }

                db.Rooms.Add(new Room(hotel.Id, number, RoomNumbers.FloorOf(number), type.Id));
            }
        }

        Replies.DefaultKnowledgeBase.AddTo(db, hotel.Id, hotel.Currency, time.GetUtcNow());
        db.AuditEntries.Add(new Audit.AuditEntry(hotel.Id, time.GetUtcNow(), ownerUserId, nameof(Hotel), hotel.Id, "Created", $"{{\"name\":\"{hotel.Name.Replace("\"", "'", StringComparison.Ordinal)}\"}}"));
        await db.SaveChangesAsync(cancellationToken);
        return hotel;
    }
}

public sealed record OnboardingRequest(
    string Name,
    string TimeZoneId,
    string Currency,
    TimeOnly CheckInTime,
    TimeOnly CheckOutTime,
    Address Address,
    IReadOnlyList<RoomTypeSpec> RoomTypes,
    bool AddNonRefundablePlan = true);

/// <param name="RoomNumbers">Numbers and ranges, e.g. "101-110, 201, 202".</param>
public sealed record RoomTypeSpec(string Code, string Name, int Capacity, long BaseRateMinor, string RoomNumbers);
