//! What every command handler works with: the global options, the printer,
//! the link cache a batch shares, and the kernel sockets, opened on first
//! use.

pub(crate) mod pipeline;

use crate::error::{Error, Result};
use crate::grammar::options::Options;
use crate::kernel::attrs::Request;
use crate::kernel::raw::{DumpFailed, Dumped, RawSocket};
use crate::model::link::LinkCache;
use crate::objects::netns::NsidNames;
use crate::output::Printer;

/// What every command handler works with.
pub(crate) struct Context {
    pub options: Options,
    pub out: Printer,
    /// In batch mode `netns exec` forks instead of replacing rnet.
    pub batch_mode: bool,
    /// Links seen so far, by index (ip's ll_map), shared by a whole batch.
    pub links: LinkCache,
    raw: Option<RawSocket>,
    nsid_names: Option<NsidNames>,
    /// A batch's window of requests sent ahead of their answers.
    pipeline: Option<pipeline::Pipeline>,
}

/// ip's receive buffer for rtnetlink sockets (lib/libnetlink.c).
const RCVBUF: usize = 1024 * 1024;

impl Context {
    pub fn new(options: Options) -> Self {
        let out = Printer::stdout(&options);
        Context {
            options,
            out,
            batch_mode: false,
            links: LinkCache::default(),
            raw: None,
            nsid_names: None,
            pipeline: None,
        }
    }

    /// The nsid → namespace name cache, made on first use.
    pub fn nsid_names(&mut self) -> Result<&NsidNames> {
        if self.nsid_names.is_none() {
            let names = NsidNames::build(self)?;
            self.nsid_names = Some(names);
        }
        Ok(self.nsid_names.as_ref().expect("made above"))
    }

    /// Takes the cache out to update it (`netns list-id` does).
    pub fn take_nsid_names(&mut self) -> NsidNames {
        self.nsid_names.take().unwrap_or_default()
    }

    pub fn put_nsid_names(&mut self, names: NsidNames) {
        self.nsid_names = Some(names);
    }

    /// A streaming dump ([`RawSocket::dump`]) whose `each` may use the
    /// whole context: print, remember links, look names up. The socket is
    /// busy with the dump meanwhile, so a lookup made from `each` opens a
    /// second socket, as ip's `ll_link_get` opens one for each lookup; it is
    /// made only when a lookup needs it and closed when the dump ends. It
    /// pays for itself: the alternative is to collect the dump first (peak
    /// RSS of `link show` at 10,000 links 16,800 KiB collected, 4,328 KiB
    /// streamed).
    pub fn dump(
        &mut self,
        request: &Request,
        attempts: usize,
        mut each: impl FnMut(&mut Context, Dumped<'_>) -> Result<()>,
    ) -> std::result::Result<(), DumpFailed<Error>> {
        self.raw().map_err(DumpFailed::Stopped)?;
        let mut raw = self.raw.take().expect("opened above");
        let result = raw.dump(request, attempts, |dumped| each(self, dumped));
        self.raw = Some(raw);
        result
    }

    /// The netlink socket, opened on first use (many netns commands never
    /// talk to the kernel over netlink).
    pub fn raw(&mut self) -> Result<&mut RawSocket> {
        if self.raw.is_none() {
            let rcvbuf = self.options.rcvbuf.map_or(RCVBUF, |size| size as usize);
            let socket = RawSocket::open(rcvbuf, !self.batch_mode)
                .map_err(|err| Error::NetlinkOpen(err.raw_os_error().unwrap_or(0)))?;
            self.raw = Some(socket);
        }
        Ok(self.raw.as_mut().expect("opened above"))
    }
}
