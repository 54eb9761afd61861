using MudBlazor;
using Stayfull.Domain.Common;

namespace Stayfull.Web.Components.Common;

/// <summary>
/// Runs a page action and tells the person how it went: refusals from the domain become
/// a message they can act on, never an error page.
/// </summary>
public sealed class UiActions(ISnackbar snackbar)
{
    public async Task<bool> RunAsync(Func<Task> action, string? success = null)
    {
        try
        {
            await action();
            if (success is not null)
            {
                snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (DomainException ex)
        {
            snackbar.Add(ex.Message, ex is ConcurrencyConflictException or SoldOutException ? Severity.Warning : Severity.Error);
            return false;
        }
    }
}
