"""A kernel manager for Voilà that a training room can leave running (voila.json uses it).

Each visit to a calculator in Voilà starts a kernel, and closing the tab does not stop it
(Voilà's shutdown call on leaving the page is refused for want of an _xsrf token). voila.json
therefore culls kernels that nobody is connected to once idle, and this manager bounds how many
kernels run at once: past ``max_kernels`` a new visitor is asked to come back later instead of
the machine running out of memory (each kernel holds about 57 MB).
"""

from __future__ import annotations

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Integer


class BoundedKernelManager(AsyncMappingKernelManager):
    max_kernels = Integer(40, config=True, help="How many kernels may run at once; 0 for no bound.")

    async def start_kernel(self, *args, **kwargs):
        if self.max_kernels and len(self.list_kernel_ids()) >= self.max_kernels:
            raise web.HTTPError(
                503, f"{self.max_kernels} calculators are already open on this server; close one or try again in a minute."
            )
        return await super().start_kernel(*args, **kwargs)
