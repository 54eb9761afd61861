using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Web.Tests.Http.Harness;

/// <summary>A hotel created in the app for one test: its staff's sign-in emails (one per role) and its inventory.</summary>
public sealed record TestTenant(
    Hotel Hotel,
    IReadOnlyDictionary<StaffRole, string> Emails,
    IReadOnlyList<RoomType> RoomTypes,
    IReadOnlyList<Room> Rooms,
    IReadOnlyList<RatePlan> RatePlans)
{
    public Guid HotelId => Hotel.Id;
}
