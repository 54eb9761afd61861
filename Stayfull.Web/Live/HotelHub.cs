using Microsoft.AspNetCore.SignalR;
using Stayfull.Web.Auth;

namespace Stayfull.Web.Live;

/// <summary>
/// Live updates for clients outside Blazor (and other instances through the backplane):
/// each connection joins its hotel's group and receives "changed" messages.
/// </summary>
public sealed class HotelHub : Hub
{
    public const string Path = "/hubs/hotel";

    public static string GroupOf(Guid hotelId) => "hotel:" + hotelId.ToString("N");

    public override async Task OnConnectedAsync()
    {
        if (Context.User is { } user && StaffClaims.HotelOf(user) is { } hotelId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(hotelId));
        }
        else
        {
            Context.Abort();
        }

        await base.OnConnectedAsync();
    }
}
