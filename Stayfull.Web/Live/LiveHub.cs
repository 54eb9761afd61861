using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Stayfull.Web.Auth;

namespace Stayfull.Web.Live;

/// <summary>
/// Live updates for signed-in clients outside Blazor (and for other instances through the backplane).
/// A connection joins its own hotel's group on connect; it may ask to join again, but never another hotel's.
/// </summary>
[Authorize]
public sealed class LiveHub : Hub<ILiveClient>
{
    public const string Path = "/hubs/live";

    public static string GroupOf(Guid hotelId) => "hotel:" + hotelId.ToString("N");

    public override async Task OnConnectedAsync()
    {
        if (HotelOfCaller() is { } hotelId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(hotelId));
        }
        else
        {
            Context.Abort();
        }

        await base.OnConnectedAsync();
    }

    /// <summary>Joins the group of <paramref name="hotelId"/>, which must be the hotel the caller is signed in to.</summary>
    /// <exception cref="HubException">Any other hotel: the caller learns nothing about whether it exists.</exception>
    public async Task JoinHotel(Guid hotelId)
    {
        if (HotelOfCaller() != hotelId)
        {
            throw new HubException("You can only follow the hotel you are signed in to.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(hotelId));
    }

    private Guid? HotelOfCaller() => Context.User is { } user ? StaffClaims.HotelOf(user) : null;
}
