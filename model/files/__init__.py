"""Files and text coming in and going out safely: the one atomic writer, bounded JSON reading,
OS errors in plain Chinese, and text made encodable where it enters."""
