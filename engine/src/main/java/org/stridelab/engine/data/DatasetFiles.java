package org.stridelab.engine.data;

import java.io.IOException;

/**
 * The files of one CIFAR-format dataset, wherever they are (a folder or an
 * archive), looked up by bare file name. Lets one reader serve both.
 */
interface DatasetFiles {

    /** The folder or archive, as shown in messages. */
    String where();

    /** Size of the named file in bytes, or -1 if it is not there. */
    long size(String name) throws IOException;

    /** The whole content of the named file. An archive source hands its copy over and forgets it. */
    byte[] read(String name) throws IOException;
}
